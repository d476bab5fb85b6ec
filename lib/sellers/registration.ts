// Seller registration progress: profile, banking, tax. A seller is complete
// when all three are; DOMAIN.md says what an incomplete one may not do.
export interface RegistrationSteps {
  profileCompletedAt: Date | null;
  bankingCompletedAt: Date | null;
  taxCompletedAt: Date | null;
}

export type RegistrationStatus = "not_started" | "in_progress" | "complete";

export function registrationStatus(row: RegistrationSteps | null | undefined): {
  status: RegistrationStatus;
  profile: boolean;
  banking: boolean;
  tax: boolean;
  completedSteps: number;
} {
  const profile = Boolean(row?.profileCompletedAt);
  const banking = Boolean(row?.bankingCompletedAt);
  const tax = Boolean(row?.taxCompletedAt);
  const completedSteps = [profile, banking, tax].filter(Boolean).length;
  const status = completedSteps === 3 ? "complete" : completedSteps === 0 ? "not_started" : "in_progress";
  return { status, profile, banking, tax, completedSteps };
}

export const REGISTRATION_LABELS: Record<RegistrationStatus, string> = {
  not_started: "Not registered",
  in_progress: "Registration in progress",
  complete: "Registered seller",
};

/** "•••• 6789" */
export function masked(last4: string | null | undefined): string {
  return last4 ? `•••• ${last4}` : "—";
}
