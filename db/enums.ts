// Every enumerated value in the domain, in one place: the schema's columns,
// zod schemas, table filters and UI labels all read these arrays.
export const ROLES = ["isv", "partner", "customer", "rep"] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_TYPES = ["isv", "partner", "customer", "marketplace"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const BANK_TYPES = ["us_ach", "iban"] as const;
export const DISBURSEMENT_SCHEDULES = ["daily", "monthly"] as const;
export const TAX_FORMS = ["W-9", "W-8BEN-E"] as const;

export const AUTHORIZATION_STATUSES = ["pending", "accepted", "declined", "expired", "revoked"] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];
export const AUTHORIZATION_USES = ["multi_use", "one_time"] as const;

export const OFFER_STATUSES = ["draft", "extended", "accepted", "expired", "withdrawn"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const BILLING_TERMS = ["upfront", "monthly"] as const;

export const AGREEMENT_STATUSES = ["active", "ended", "cancelled"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const BILL_STATUSES = ["issued", "paid"] as const;
export const PAYMENT_METHODS = ["portal", "bank_transfer"] as const;
/** A payout is `in_progress` while its lines are written in chunks, `completed` once posted to the ledger. */
export const DISBURSEMENT_STATUSES = ["in_progress", "completed", "held"] as const;
export const SHARE_ROLES = ["isv", "partner"] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

export const LEDGER_ACCOUNTS = ["receivable", "payable", "fee_revenue", "cash"] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

/** An opportunity the partner registered with an ISV: the ISV approves or rejects it. */
export const OPPORTUNITY_STATUSES = ["pending", "approved", "rejected"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/**
 * The discount request an approval sends to the marketplace: `submitted` (in the
 * reps' queue) → `awaiting_markup` (a rep asked the partner) → `markup_provided`
 * → `offer_extended` (a rep keyed the offer for the partner) → `accepted`, or
 * `expired` (its end date passed) / `cancelled` (by a rep, with a reason).
 */
export const DISCOUNT_REQUEST_STATUSES = [
  "submitted",
  "awaiting_markup",
  "markup_provided",
  "offer_extended",
  "accepted",
  "expired",
  "cancelled",
] as const;
export type DiscountRequestStatus = (typeof DISCOUNT_REQUEST_STATUSES)[number];

export const FEE_KINDS = ["standard", "renewal"] as const;
export const JOB_KINDS = ["billing", "disbursement", "sweep"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
/** Stored statuses; a `running` row whose lease expired is shown as interrupted (lib/jobs/lease.ts). */
export const JOB_STATUSES = ["running", "completed", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_TRIGGERS = ["console", "cli", "schedule"] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];
/** The jobs the scheduler runs by itself. */
export const SCHEDULED_JOBS = ["billing", "sweep", "disbursement"] as const;
export type ScheduledJobName = (typeof SCHEDULED_JOBS)[number];

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Where an outbox event goes besides the in-portal notification. */
export const DELIVERY_CHANNELS = ["email", "webhook"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** `pending` until sent (retried with backoff), `failed` once retries are exhausted. */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** `smtp`: handed to the configured SMTP server; `kept`: no server configured, readable in the portal. */
export const MAIL_TRANSPORTS = ["smtp", "kept"] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];
