import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import type { CurrentUser } from "@/lib/auth/authorize";
import { COUNTRIES } from "@/lib/sellers/countries";
import { masked, REGISTRATION_LABELS } from "@/lib/sellers/registration";
import { registrationView } from "@/lib/sellers/service";
import { REGISTRATION_STEPS, type RegistrationStep } from "@/lib/sellers/validations";
import { cn } from "@/lib/utils";
import { BankingForm, ProfileForm, TaxForm } from "./forms";

const STEP_LABELS: Record<RegistrationStep, string> = { profile: "Profile", banking: "Banking", tax: "Tax" };

/** The seller registration wizard, shared by the vendor and partner areas. */
export async function RegistrationPage({ user, base, step: requested }: { user: CurrentUser; base: string; step?: string }) {
  const view = await registrationView(getDb(), user.accountId);
  const done: Record<RegistrationStep, boolean> = { profile: view.profile, banking: view.banking, tax: view.tax };
  const firstOpen = REGISTRATION_STEPS.find((s) => !done[s]) ?? "profile";
  const step: RegistrationStep = REGISTRATION_STEPS.includes(requested as RegistrationStep) ? (requested as RegistrationStep) : firstOpen;
  const nextOf = (s: RegistrationStep) => {
    const after = REGISTRATION_STEPS.slice(REGISTRATION_STEPS.indexOf(s) + 1).find((x) => !done[x]) ?? REGISTRATION_STEPS[REGISTRATION_STEPS.indexOf(s) + 1];
    return after ? `${base}?step=${after}` : `${base.replace(/\/registration$/, "")}?registered=1`;
  };
  const r = view.registration;

  return (
    <>
      <PageHeader
        title="Seller registration"
        description="Profile, banking and tax: all three are needed before you can be seller of record."
        actions={<Badge tone={view.status === "complete" ? "good" : "warn"}>{REGISTRATION_LABELS[view.status]}</Badge>}
      />
      <ol className="mb-6 grid grid-cols-3 gap-2" aria-label="Registration progress">
        {REGISTRATION_STEPS.map((s, i) => (
          <li key={s}>
            <Link
              href={`${base}?step=${s}`}
              aria-current={s === step ? "step" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md border border-line bg-white px-3 py-2 text-sm",
                s === step && "border-brand-500 ring-1 ring-brand-500",
              )}
            >
              <span
                className={cn(
                  "grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-semibold",
                  done[s] ? "bg-emerald-600 text-white" : "bg-slate-100 text-slate-600",
                )}
              >
                {done[s] ? "✓" : i + 1}
              </span>
              <span className="font-medium">{STEP_LABELS[s]}</span>
              <span className="sr-only">{done[s] ? "(done)" : "(to do)"}</span>
            </Link>
          </li>
        ))}
      </ol>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardHeader>
            <CardTitle>
              Step {REGISTRATION_STEPS.indexOf(step) + 1} of 3: {STEP_LABELS[step]}
            </CardTitle>
          </CardHeader>
          <CardContent>
            {step === "profile" ? (
              <ProfileForm
                next={nextOf("profile")}
                defaults={{
                  legalName: r?.legalName ?? user.accountName,
                  addressLine1: r?.addressLine1 ?? "",
                  addressLine2: r?.addressLine2 ?? "",
                  city: r?.city ?? "",
                  region: r?.region ?? "",
                  postalCode: r?.postalCode ?? "",
                  country: (r?.country as keyof typeof COUNTRIES | null) ?? "US",
                  contactName: r?.contactName ?? user.name,
                  contactEmail: r?.contactEmail ?? user.email,
                  contactPhone: r?.contactPhone ?? "",
                }}
              />
            ) : step === "banking" ? (
              <BankingForm
                next={nextOf("banking")}
                saved={
                  view.banking && r?.bankType
                    ? {
                        bankType: r.bankType,
                        accountHolder: r.bankAccountHolder ?? "",
                        currency: r.disbursementCurrency ?? "USD",
                        schedule: r.disbursementSchedule ?? "monthly",
                        day: r.disbursementDay,
                        last4: r.bankLast4 ?? "",
                      }
                    : null
                }
              />
            ) : (
              <TaxForm next={nextOf("tax")} saved={view.tax && r?.taxForm ? { taxForm: r.taxForm, taxCountry: r.taxCountry ?? "US", last4: r.taxIdLast4 ?? "" } : null} />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>On file</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              <div>
                <dt className="text-muted">Legal name</dt>
                <dd>{r?.legalName ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-muted">Bank account</dt>
                <dd data-testid="bank-masked">{view.banking ? masked(r?.bankLast4) : "—"}</dd>
              </div>
              <div>
                <dt className="text-muted">Payouts</dt>
                <dd>
                  {view.banking
                    ? `${r?.disbursementCurrency}, ${r?.disbursementSchedule === "monthly" ? `monthly on day ${r?.disbursementDay}` : "daily"}`
                    : "—"}
                </dd>
              </div>
              <div>
                <dt className="text-muted">Tax</dt>
                <dd data-testid="tax-masked">{view.tax ? `${r?.taxForm} ${masked(r?.taxIdLast4)}` : "—"}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
