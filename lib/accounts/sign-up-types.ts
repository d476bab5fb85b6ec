// The account types a visitor may sign up as, and how the form names them (no zod: the form imports these).
export const SIGN_UP_ACCOUNT_TYPES = ["isv", "partner", "customer"] as const;

export const SIGN_UP_TYPE_LABELS: Record<(typeof SIGN_UP_ACCOUNT_TYPES)[number], string> = {
  isv: "Software vendor (ISV): I make products and authorize resellers",
  partner: "Consulting partner: I resell vendors' products to my customers",
  customer: "Customer: I buy software through private offers",
};
