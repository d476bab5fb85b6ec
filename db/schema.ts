// The one schema of the portal, written once against the dialect's column
// builders ("@/db/dialect/core" is the SQLite or the PostgreSQL module, chosen
// at build time). Money is integer cents, percentages integer basis points,
// instants UTC. Ids in URLs are random (see lib/ids.ts), so they reveal nothing
// about how many rows other tenants have.
import { sql } from "drizzle-orm";
import {
  bool,
  cents,
  check,
  index,
  int,
  isTwelveDigits,
  json,
  primaryKey,
  str,
  table,
  timestamp,
  uniqueIndex,
} from "@/db/dialect/core";
import {
  ACCOUNT_TYPES,
  AGREEMENT_STATUSES,
  AUDIT_OUTCOMES,
  AUTHORIZATION_STATUSES,
  AUTHORIZATION_USES,
  BANK_TYPES,
  BILL_STATUSES,
  BILLING_TERMS,
  DISBURSEMENT_SCHEDULES,
  DISBURSEMENT_STATUSES,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  DISCOUNT_REQUEST_STATUSES,
  FEE_KINDS,
  JOB_KINDS,
  JOB_STATUSES,
  JOB_TRIGGERS,
  LEDGER_ACCOUNTS,
  MAIL_TRANSPORTS,
  OFFER_STATUSES,
  OPPORTUNITY_STATUSES,
  PAYMENT_METHODS,
  ROLES,
  SCHEDULED_JOBS,
  SHARE_ROLES,
  TAX_FORMS,
} from "@/db/enums";

const createdAt = () => timestamp("created_at").notNull();

// ── Tenants and people ──────────────────────────────────────────────────────

export const accounts = table(
  "accounts",
  {
    /** The 12-digit account id, shown as 1234-5678-9012. */
    id: str("id").primaryKey(),
    type: str("type", { enum: ACCOUNT_TYPES }).notNull(),
    name: str("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("accounts_id_12_digits", isTwelveDigits(t.id)), index("accounts_type_idx").on(t.type)],
);

export const users = table(
  "users",
  {
    id: str("id").primaryKey(),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    /** Stored lower-cased; unique across the portal. */
    email: str("email").notNull(),
    name: str("name").notNull(),
    passwordHash: str("password_hash").notNull(),
    role: str("role", { enum: ROLES }).notNull(),
    disabledAt: timestamp("disabled_at"),
    /** Every session carries the version it was issued under; signing out, a new password or disabling bumps it and ends them all. */
    sessionVersion: int("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_account_idx").on(t.accountId)],
);

export const signInAttempts = table(
  "sign_in_attempts",
  {
    id: str("id").primaryKey(),
    email: str("email").notNull(),
    ip: str("ip").notNull(),
    succeeded: bool("succeeded").notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.at), index("sign_in_attempts_ip_idx").on(t.ip, t.at)],
);

/**
 * Attempt counters for throttling (sign-in, sign-up), one row per key such as
 * "signin:acct-ip:<email>|<address>", counted atomically in a fixed window.
 */
export const throttleCounters = table("throttle_counters", {
  key: str("key").primaryKey(),
  windowStart: timestamp("window_start").notNull(),
  count: int("count").notNull(),
});

/**
 * Counts that would otherwise be a scan growing with history on every request, kept by triggers in
 * the statement that inserts, updates or deletes the rows they count (migration 0012_tallies): so no
 * code path — sign-up, the seed, bulk fixtures, a future import — can forget one. Keys:
 * `accounts.<type>`, `users`, `sellers.registered` (ISV and partner registrations with all three
 * steps done), `agreements.partner.<account id>`, and (migration 0013_channel_tallies)
 * `agreements.isv.<account id>` and a vendor's channel per partner: `channel.<isv>.<partner>.invited` (authorizations), `.joined` (accepted, or
 * revoked after it), `.extended` (offers with extended_at) and `.won` (those accepted). Keys compare
 * byte by byte on both databases, so one vendor's are a range of the primary key.
 */
export const tallies = table("tallies", {
  key: str("key").primaryKey(),
  n: int("n").notNull().default(0),
});

/** Seller registration of an ISV or partner account: profile, banking, tax. */
export const sellerRegistrations = table("seller_registrations", {
  accountId: str("account_id")
    .primaryKey()
    .references(() => accounts.id),
  legalName: str("legal_name"),
  addressLine1: str("address_line1"),
  addressLine2: str("address_line2"),
  city: str("city"),
  region: str("region"),
  postalCode: str("postal_code"),
  country: str("country"),
  contactName: str("contact_name"),
  contactEmail: str("contact_email"),
  contactPhone: str("contact_phone"),
  profileCompletedAt: timestamp("profile_completed_at"),
  bankAccountHolder: str("bank_account_holder"),
  bankType: str("bank_type", { enum: BANK_TYPES }),
  /** Full identifiers are kept for paying out; every screen shows only the *_last4 columns. */
  bankRoutingNumber: str("bank_routing_number"),
  bankAccountNumber: str("bank_account_number"),
  bankIban: str("bank_iban"),
  bankSwiftBic: str("bank_swift_bic"),
  bankLast4: str("bank_last4"),
  disbursementCurrency: str("disbursement_currency"),
  disbursementSchedule: str("disbursement_schedule", { enum: DISBURSEMENT_SCHEDULES }),
  disbursementDay: int("disbursement_day"),
  bankingCompletedAt: timestamp("banking_completed_at"),
  taxForm: str("tax_form", { enum: TAX_FORMS }),
  taxId: str("tax_id"),
  taxIdLast4: str("tax_id_last4"),
  taxCountry: str("tax_country"),
  taxCompletedAt: timestamp("tax_completed_at"),
  updatedAt: timestamp("updated_at").notNull(),
});

// ── Catalogue ───────────────────────────────────────────────────────────────

export const products = table(
  "products",
  {
    id: str("id").primaryKey(),
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    name: str("name").notNull(),
    description: str("description").notNull(),
    eulaText: str("eula_text").notNull(),
    currency: str("currency").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("products_isv_idx").on(t.isvAccountId)],
);

export const pricingDimensions = table(
  "pricing_dimensions",
  {
    id: str("id").primaryKey(),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
    unitName: str("unit_name").notNull(),
    /** Public price per unit per month, in cents. */
    unitPriceCents: cents("unit_price_cents").notNull(),
    position: int("position").notNull(),
  },
  (t) => [
    check("pricing_dimensions_price_nonneg", sql`${t.unitPriceCents} >= 0`),
    uniqueIndex("pricing_dimensions_product_unit_uq").on(t.productId, t.unitName),
  ],
);

// ── Resale authorizations ("invitations to resell") ─────────────────────────

export const resaleAuthorizations = table(
  "resale_authorizations",
  {
    id: str("id").primaryKey(),
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    status: str("status", { enum: AUTHORIZATION_STATUSES }).notNull(),
    /** Accept by. */
    expiresAt: timestamp("expires_at").notNull(),
    /** No new offers after this instant, when set. */
    endsAt: timestamp("ends_at"),
    use: str("use", { enum: AUTHORIZATION_USES }).notNull(),
    buyerAccountId: str("buyer_account_id").references(() => accounts.id),
    offersExtended: int("offers_extended").notNull().default(0),
    /** The sender's request key: the same send repeated makes one invitation. */
    requestKey: str("request_key"),
    declineReason: str("decline_reason"),
    /** When the partner was told the invitation expires within 3 days (once). */
    expiryWarnedAt: timestamp("expiry_warned_at"),
    respondedAt: timestamp("responded_at"),
    revokedAt: timestamp("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("resale_authorizations_not_self", sql`${t.isvAccountId} <> ${t.partnerAccountId}`),
    check("resale_authorizations_uses_nonneg", sql`${t.offersExtended} >= 0`),
    index("resale_authorizations_partner_idx").on(t.partnerAccountId, t.status),
    index("resale_authorizations_isv_idx").on(t.isvAccountId, t.status),
    uniqueIndex("resale_authorizations_request_uq").on(t.isvAccountId, t.requestKey),
  ],
);

export const authorizationItems = table(
  "authorization_items",
  {
    id: str("id").primaryKey(),
    authorizationId: str("authorization_id")
      .notNull()
      .references(() => resaleAuthorizations.id),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
    discountBps: int("discount_bps").notNull(),
    additionalTerms: str("additional_terms"),
  },
  (t) => [
    check("authorization_items_discount_range", sql`${t.discountBps} > 0 and ${t.discountBps} < 10000`),
    uniqueIndex("authorization_items_uq").on(t.authorizationId, t.productId),
  ],
);

// ── Private offers and agreements ───────────────────────────────────────────

export const privateOffers = table(
  "private_offers",
  {
    id: str("id").primaryKey(),
    authorizationId: str("authorization_id")
      .notNull()
      .references(() => resaleAuthorizations.id),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    customerAccountId: str("customer_account_id")
      .notNull()
      .references(() => accounts.id),
    /** Set on an offer a rep keyed for the partner from a non-recurring discount request. */
    discountRequestId: str("discount_request_id"),
    /** The rep who keyed the offer on the partner's behalf (null: the partner's own offer). */
    keyedByUserId: str("keyed_by_user_id").references(() => users.id),
    name: str("name").notNull(),
    status: str("status", { enum: OFFER_STATUSES }).notNull(),
    currency: str("currency").notNull(),
    durationMonths: int("duration_months").notNull(),
    billing: str("billing", { enum: BILLING_TERMS }).notNull(),
    discountBps: int("discount_bps").notNull(),
    additionalDiscountBps: int("additional_discount_bps").notNull().default(0),
    markupBps: int("markup_bps").notNull(),
    /** Fee schedule rate frozen when the offer is extended. */
    feeBps: int("fee_bps"),
    partnerTerms: str("partner_terms"),
    /** Frozen monthly figures (set when extended). */
    listCentsPerMonth: cents("list_cents_per_month"),
    wholesaleCentsPerMonth: cents("wholesale_cents_per_month"),
    customerCentsPerMonth: cents("customer_cents_per_month"),
    /** Acceptable from this instant (a non-recurring discount's start date); null: as soon as extended. */
    availableFrom: timestamp("available_from"),
    expiresAt: timestamp("expires_at").notNull(),
    extendedAt: timestamp("extended_at"),
    acceptedAt: timestamp("accepted_at"),
    withdrawnAt: timestamp("withdrawn_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    check("private_offers_duration", sql`${t.durationMonths} between 1 and 60`),
    check("private_offers_markup", sql`${t.markupBps} between 0 and 100000`),
    check("private_offers_discount", sql`${t.discountBps} > 0 and ${t.discountBps} < 10000`),
    check("private_offers_extra_discount", sql`${t.additionalDiscountBps} >= 0 and ${t.additionalDiscountBps} < 10000`),
    check(
      "private_offers_amounts_nonneg",
      sql`coalesce(${t.listCentsPerMonth}, 0) >= 0 and coalesce(${t.wholesaleCentsPerMonth}, 0) >= 0 and coalesce(${t.customerCentsPerMonth}, 0) >= 0`,
    ),
    index("private_offers_customer_idx").on(t.customerAccountId, t.status),
    index("private_offers_partner_idx").on(t.partnerAccountId, t.status),
    // The partner's offers, last changed first (the default sort).
    index("private_offers_partner_updated_idx").on(t.partnerAccountId, t.updatedAt, t.id),
    // The vendor's channel: its offers per partner, extended and accepted, read from the index alone.
    index("private_offers_isv_idx").on(t.isvAccountId, t.partnerAccountId, t.status, t.extendedAt),
    index("private_offers_authorization_idx").on(t.authorizationId),
    index("private_offers_discount_request_idx").on(t.discountRequestId),
  ],
);

export const offerDimensions = table(
  "offer_dimensions",
  {
    id: str("id").primaryKey(),
    offerId: str("offer_id")
      .notNull()
      .references(() => privateOffers.id),
    dimensionId: str("dimension_id")
      .notNull()
      .references(() => pricingDimensions.id),
    unitName: str("unit_name").notNull(),
    quantity: int("quantity").notNull(),
    unitPriceCents: cents("unit_price_cents").notNull(),
  },
  (t) => [
    check("offer_dimensions_quantity", sql`${t.quantity} >= 0`),
    check("offer_dimensions_price", sql`${t.unitPriceCents} >= 0`),
    uniqueIndex("offer_dimensions_uq").on(t.offerId, t.dimensionId),
  ],
);

export const agreements = table(
  "agreements",
  {
    id: str("id").primaryKey(),
    /** One agreement per offer: accepting twice cannot make two. */
    offerId: str("offer_id")
      .notNull()
      .references(() => privateOffers.id),
    customerAccountId: str("customer_account_id")
      .notNull()
      .references(() => accounts.id),
    /** Seller of record. */
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    /** Manufacturer. */
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
    status: str("status", { enum: AGREEMENT_STATUSES }).notNull(),
    billing: str("billing", { enum: BILLING_TERMS }).notNull(),
    durationMonths: int("duration_months").notNull(),
    currency: str("currency").notNull(),
    feeBps: int("fee_bps").notNull(),
    listCentsPerMonth: cents("list_cents_per_month").notNull(),
    wholesaleCentsPerMonth: cents("wholesale_cents_per_month").notNull(),
    customerCentsPerMonth: cents("customer_cents_per_month").notNull(),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("agreements_offer_uq").on(t.offerId),
    check(
      "agreements_amounts_nonneg",
      sql`${t.listCentsPerMonth} >= 0 and ${t.wholesaleCentsPerMonth} >= 0 and ${t.customerCentsPerMonth} >= 0`,
    ),
    check("agreements_dates", sql`${t.endsAt} > ${t.startsAt}`),
    // Each party's list, newest first (the default sort), read as one range of its index.
    index("agreements_customer_idx").on(t.customerAccountId, t.startsAt, t.id),
    index("agreements_partner_idx").on(t.partnerAccountId, t.startsAt, t.id),
    index("agreements_isv_idx").on(t.isvAccountId, t.startsAt, t.id),
  ],
);

// ── Billing, payments, disbursements, ledger ────────────────────────────────

export const consolidatedBills = table(
  "consolidated_bills",
  {
    id: str("id").primaryKey(),
    customerAccountId: str("customer_account_id")
      .notNull()
      .references(() => accounts.id),
    /** Calendar month, "YYYY-MM". */
    period: str("period").notNull(),
    /**
     * 0 for the period's first bill. A paid bill is closed for good, so charges
     * that come due after it was paid go on a supplementary bill: 1, 2, …
     */
    sequence: int("sequence").notNull().default(0),
    /** The bill number people quote: "B-202609-851347962018-1" (period, customer, sequence + 1). */
    number: str("number").notNull().default(""),
    currency: str("currency").notNull(),
    status: str("status", { enum: BILL_STATUSES }).notNull(),
    totalCents: cents("total_cents").notNull(),
    /** Charges on the bill, kept with the total. */
    lineCount: int("line_count").notNull().default(0),
    issuedAt: timestamp("issued_at").notNull(),
    dueAt: timestamp("due_at").notNull(),
    paidAt: timestamp("paid_at"),
    /** When the sweep found it past due and told the customer. */
    overdueAt: timestamp("overdue_at"),
  },
  (t) => [
    uniqueIndex("consolidated_bills_customer_period_seq_uq").on(t.customerAccountId, t.period, t.currency, t.sequence),
    // A customer's unpaid bills (its home, amount due): without it the state index reads every open bill.
    index("consolidated_bills_customer_status_idx").on(t.customerAccountId, t.status),
    uniqueIndex("consolidated_bills_number_uq").on(t.number),
    check("consolidated_bills_total_nonneg", sql`${t.totalCents} >= 0`),
    // By state, then whether the sweep has marked it, then due date: open bills no sweep has marked yet
    // are one short range (what the sweep marks next, and the overdue figure's part not yet kept),
    // however many marked ones the history holds.
    index("consolidated_bills_status_marked_due_idx").on(t.status, t.overdueAt, t.dueAt),
    // The marketplace's bills newest (or oldest) first, read in index order either way: the list sorts
    // by period, then sequence, then id, all in one direction.
    index("consolidated_bills_period_idx").on(t.period, t.sequence, t.id),
  ],
);

export const charges = table(
  "charges",
  {
    id: str("id").primaryKey(),
    agreementId: str("agreement_id")
      .notNull()
      .references(() => agreements.id),
    billId: str("bill_id")
      .notNull()
      .references(() => consolidatedBills.id),
    period: str("period").notNull(),
    customerAccountId: str("customer_account_id")
      .notNull()
      .references(() => accounts.id),
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    listCents: cents("list_cents").notNull(),
    wholesaleCents: cents("wholesale_cents").notNull(),
    customerCents: cents("customer_cents").notNull(),
    feeCents: cents("fee_cents").notNull(),
    isvShareCents: cents("isv_share_cents").notNull(),
    partnerShareCents: cents("partner_share_cents").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("charges_agreement_period_uq").on(t.agreementId, t.period),
    check(
      "charges_amounts_nonneg",
      sql`${t.listCents} >= 0 and ${t.wholesaleCents} >= 0 and ${t.customerCents} >= 0 and ${t.feeCents} >= 0 and ${t.isvShareCents} >= 0 and ${t.partnerShareCents} >= 0`,
    ),
    check("charges_split_balances", sql`${t.customerCents} = ${t.partnerShareCents} + ${t.isvShareCents} + ${t.feeCents}`),
    index("charges_bill_idx").on(t.billId),
    // Each report reads its lines newest first, (period, id) being the order and the CSV's keyset.
    index("charges_partner_idx").on(t.partnerAccountId, t.period, t.id),
    index("charges_isv_idx").on(t.isvAccountId, t.period, t.id),
    index("charges_customer_idx").on(t.customerAccountId, t.period),
    index("charges_period_idx").on(t.period, t.id),
  ],
);

export const payments = table(
  "payments",
  {
    id: str("id").primaryKey(),
    billId: str("bill_id")
      .notNull()
      .references(() => consolidatedBills.id),
    amountCents: cents("amount_cents").notNull(),
    method: str("method", { enum: PAYMENT_METHODS }).notNull(),
    reference: str("reference"),
    idempotencyKey: str("idempotency_key").notNull(),
    recordedByUserId: str("recorded_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payments_idempotency_uq").on(t.idempotencyKey),
    check("payments_amount_positive", sql`${t.amountCents} > 0`),
    index("payments_bill_idx").on(t.billId),
  ],
);

export const disbursements = table(
  "disbursements",
  {
    id: str("id").primaryKey(),
    sellerAccountId: str("seller_account_id")
      .notNull()
      .references(() => accounts.id),
    runId: str("run_id"),
    status: str("status", { enum: DISBURSEMENT_STATUSES }).notNull(),
    holdReason: str("hold_reason"),
    currency: str("currency").notNull(),
    /** Σ of its lines, kept as each chunk of lines is written. */
    amountCents: cents("amount_cents").notNull(),
    lineCount: int("line_count").notNull().default(0),
    /** Like a bank trace id. */
    reference: str("reference").notNull(),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at"),
  },
  (t) => [
    uniqueIndex("disbursements_reference_uq").on(t.reference),
    check("disbursements_amount_nonneg", sql`${t.amountCents} >= 0`),
    index("disbursements_seller_idx").on(t.sellerAccountId, t.createdAt),
    index("disbursements_status_idx").on(t.status),
    // A payout in progress is finished before another starts (lib/billing/disburse.ts).
    uniqueIndex("disbursements_one_in_progress_uq").on(t.sellerAccountId, t.currency).where(sql`status = 'in_progress'`),
  ],
);

/** Each paid charge share (ISV or partner) is disbursed exactly once. */
export const disbursementLines = table(
  "disbursement_lines",
  {
    id: str("id").primaryKey(),
    disbursementId: str("disbursement_id")
      .notNull()
      .references(() => disbursements.id),
    chargeId: str("charge_id")
      .notNull()
      .references(() => charges.id),
    shareRole: str("share_role", { enum: SHARE_ROLES }).notNull(),
    amountCents: cents("amount_cents").notNull(),
  },
  (t) => [
    uniqueIndex("disbursement_lines_share_uq").on(t.chargeId, t.shareRole),
    check("disbursement_lines_amount_nonneg", sql`${t.amountCents} >= 0`),
    index("disbursement_lines_disbursement_idx").on(t.disbursementId, t.id),
  ],
);

/**
 * The disbursement run's work queue, kept as data: a share is pending from the
 * moment its bill is paid (written in the payment's transaction) until a
 * disbursement line pays it (deleted in that line's transaction). A run reads a
 * seller's pending shares by index and never rescans paid history.
 */
export const pendingShares = table(
  "pending_shares",
  {
    chargeId: str("charge_id")
      .notNull()
      .references(() => charges.id),
    shareRole: str("share_role", { enum: SHARE_ROLES }).notNull(),
    sellerAccountId: str("seller_account_id")
      .notNull()
      .references(() => accounts.id),
    currency: str("currency").notNull(),
    amountCents: cents("amount_cents").notNull(),
    billId: str("bill_id")
      .notNull()
      .references(() => consolidatedBills.id),
    collectedAt: timestamp("collected_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chargeId, t.shareRole] }),
    check("pending_shares_amount_positive", sql`${t.amountCents} > 0`),
    index("pending_shares_seller_idx").on(t.sellerAccountId, t.currency, t.collectedAt, t.chargeId),
  ],
);

/**
 * Each seller's money as data, per currency, updated in the same transaction as
 * the change: billed (owed by customers), collected and waiting (pending),
 * paid out. Money pages and the disbursement console read these rows instead of
 * summing history; a test compares them with the full sums.
 */
export const sellerBalances = table(
  "seller_balances",
  {
    sellerAccountId: str("seller_account_id")
      .notNull()
      .references(() => accounts.id),
    currency: str("currency").notNull(),
    owedCents: cents("owed_cents").notNull().default(0),
    pendingCents: cents("pending_cents").notNull().default(0),
    pendingCount: int("pending_count").notNull().default(0),
    paidOutCents: cents("paid_out_cents").notNull().default(0),
    lastPaidAt: timestamp("last_paid_at"),
    /** When the seller was told its payout is held (once per hold; cleared by the next payout). */
    holdNotifiedAt: timestamp("hold_notified_at"),
  },
  (t) => [
    primaryKey({ columns: [t.sellerAccountId, t.currency] }),
    check("seller_balances_nonneg", sql`${t.owedCents} >= 0 and ${t.pendingCents} >= 0 and ${t.pendingCount} >= 0 and ${t.paidOutCents} >= 0`),
    index("seller_balances_pending_idx").on(t.pendingCents),
  ],
);

/** Double-entry postings; every journal id balances. Append-only. */
export const ledgerEntries = table(
  "ledger_entries",
  {
    id: str("id").primaryKey(),
    journalId: str("journal_id").notNull(),
    ledgerAccount: str("ledger_account", { enum: LEDGER_ACCOUNTS }).notNull(),
    partyAccountId: str("party_account_id").references(() => accounts.id),
    currency: str("currency").notNull(),
    debitCents: cents("debit_cents").notNull(),
    creditCents: cents("credit_cents").notNull(),
    chargeId: str("charge_id").references(() => charges.id),
    paymentId: str("payment_id").references(() => payments.id),
    disbursementId: str("disbursement_id").references(() => disbursements.id),
    memo: str("memo"),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "ledger_entries_one_side",
      sql`(${t.debitCents} > 0 and ${t.creditCents} = 0) or (${t.creditCents} > 0 and ${t.debitCents} = 0)`,
    ),
    index("ledger_entries_journal_idx").on(t.journalId),
    // No index by account or party: no page reads entries that way (balances and the trial balance
    // read kept totals), and each index costs every posting a write — a billing run posts ~4 a charge.
  ],
);

/**
 * Each ledger account's debits and credits per currency, kept as data: every
 * transaction that posts entries adds them here at its end (lib/reports/totals.ts),
 * so the trial balance reads a handful of rows instead of summing every entry.
 * A test compares these rows with the full sums after generated histories.
 */
export const ledgerTotals = table(
  "ledger_totals",
  {
    ledgerAccount: str("ledger_account", { enum: LEDGER_ACCOUNTS }).notNull(),
    currency: str("currency").notNull(),
    debitCents: cents("debit_cents").notNull().default(0),
    creditCents: cents("credit_cents").notNull().default(0),
    entries: int("entries").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ledgerAccount, t.currency] }), check("ledger_totals_nonneg", sql`${t.debitCents} >= 0 and ${t.creditCents} >= 0 and ${t.entries} >= 0`)],
);

/**
 * Charge lines summed per manufacturer, seller of record, product, billing
 * period and currency, added to in the billing chunk that writes the charges.
 * Report totals, monthly series and the marketplace overview read these rows;
 * a test compares them with the charges they sum.
 */
export const chargeRollups = table(
  "charge_rollups",
  {
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
    period: str("period").notNull(),
    currency: str("currency").notNull(),
    lineCount: int("line_count").notNull().default(0),
    listCents: cents("list_cents").notNull().default(0),
    wholesaleCents: cents("wholesale_cents").notNull().default(0),
    customerCents: cents("customer_cents").notNull().default(0),
    feeCents: cents("fee_cents").notNull().default(0),
    isvShareCents: cents("isv_share_cents").notNull().default(0),
    partnerShareCents: cents("partner_share_cents").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.isvAccountId, t.period, t.partnerAccountId, t.productId, t.currency] }),
    index("charge_rollups_partner_idx").on(t.partnerAccountId, t.period),
    index("charge_rollups_period_idx").on(t.period),
  ],
);

/**
 * The marketplace's money per billing period and currency, kept as data:
 * billed (GMV, fees, lines) from the billing chunks, collected from the
 * payments of that period's bills; paid out per month a payout completed,
 * from the payout's own transaction.
 */
export const periodTotals = table(
  "period_totals",
  {
    period: str("period").notNull(),
    currency: str("currency").notNull(),
    lineCount: int("line_count").notNull().default(0),
    billedCents: cents("billed_cents").notNull().default(0),
    feeCents: cents("fee_cents").notNull().default(0),
    collectedCents: cents("collected_cents").notNull().default(0),
    /** Bills issued for the period (first and supplementary), and how many of them are paid. */
    bills: int("bills").notNull().default(0),
    billsPaid: int("bills_paid").notNull().default(0),
    /**
     * Bills the sweep marked overdue and not yet paid, and their totals: in by the sweep, up by charges
     * billed onto one, out by its payment. Bills past due that no sweep has seen yet are read beside
     * them through consolidated_bills_status_marked_due_idx, so the figure is exact between sweeps.
     */
    overdueBills: int("overdue_bills").notNull().default(0),
    overdueCents: cents("overdue_cents").notNull().default(0),
    /**
     * Payouts completed in this month (UTC) and their amounts — the month a payout completed, not a
     * billing period: a month with payouts and nothing billed has a row with only these.
     */
    paidOutCents: cents("paid_out_cents").notNull().default(0),
    payouts: int("payouts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.period, t.currency] })],
);

/** The listing-fee schedule; a frozen offer keeps the rate it was extended with. */
export const feeTiers = table(
  "fee_tiers",
  {
    id: str("id").primaryKey(),
    kind: str("kind", { enum: FEE_KINDS }).notNull(),
    /** Lower bound (inclusive) of the total contract value at wholesale, in cents. */
    minContractCents: cents("min_contract_cents").notNull(),
    feeBps: int("fee_bps").notNull(),
    effectiveFrom: timestamp("effective_from").notNull(),
  },
  (t) => [
    check("fee_tiers_bps_range", sql`${t.feeBps} >= 0 and ${t.feeBps} < 10000`),
    check("fee_tiers_min_nonneg", sql`${t.minContractCents} >= 0`),
    uniqueIndex("fee_tiers_uq").on(t.kind, t.minContractCents, t.effectiveFrom),
  ],
);

/**
 * Long-running runs (billing, disbursement, sweeps), for progress, resumption
 * and ownership. A run holds a lease it renews while it works; a `running` row
 * whose lease expired belongs to a process that died, and the next run of the
 * same kind and scope takes it over (at most one running row per kind and scope).
 */
export const jobRuns = table(
  "job_runs",
  {
    id: str("id").primaryKey(),
    kind: str("kind", { enum: JOB_KINDS }).notNull(),
    period: str("period"),
    /** The period for billing, "" for the others: one running run per kind and scope. */
    scope: str("scope").notNull().default(""),
    trigger: str("trigger", { enum: JOB_TRIGGERS }).notNull().default("console"),
    status: str("status", { enum: JOB_STATUSES }).notNull(),
    done: int("done").notNull().default(0),
    total: int("total").notNull().default(0),
    summary: json("summary").$type<Record<string, number>>(),
    /** Where a taken-over run resumes (billing: the last agreement id of a committed chunk). */
    cursor: str("cursor"),
    leaseOwner: str("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at"),
    heartbeatAt: timestamp("heartbeat_at"),
    takeovers: int("takeovers").notNull().default(0),
    error: str("error"),
    startedAt: timestamp("started_at").notNull(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [
    uniqueIndex("job_runs_one_running_uq").on(t.kind, t.scope).where(sql`status = 'running'`),
    index("job_runs_kind_started_idx").on(t.kind, t.startedAt),
  ],
);

/** The cycle that runs by itself: one row per job, claimed slot by slot (lib/jobs/scheduler.ts). */
export const scheduledJobs = table("scheduled_jobs", {
  name: str("name", { enum: SCHEDULED_JOBS }).primaryKey(),
  /** A cron expression in UTC. */
  cron: str("cron").notNull(),
  paused: bool("paused").notNull().default(false),
  /** The next slot; an instance claims it by moving it forward (compare-and-set). */
  nextRunAt: timestamp("next_run_at").notNull(),
  lastRunId: str("last_run_id"),
  lastSlotAt: timestamp("last_slot_at"),
  lastStartedAt: timestamp("last_started_at"),
  lastFinishedAt: timestamp("last_finished_at"),
  lastStatus: str("last_status"),
  lastResult: str("last_result"),
  /** Job-specific progress between slots, e.g. billing's `billedThrough` period. */
  state: json("state").$type<Record<string, string>>(),
  updatedAt: timestamp("updated_at").notNull(),
});

// ── Non-recurring discounts ─────────────────────────────────────────────────

export const opportunities = table(
  "opportunities",
  {
    id: str("id").primaryKey(),
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    customerAccountId: str("customer_account_id")
      .notNull()
      .references(() => accounts.id),
    name: str("name").notNull(),
    description: str("description").notNull(),
    expectedValueCents: cents("expected_value_cents").notNull(),
    currency: str("currency").notNull(),
    /** The day the partner expects to close the deal (YYYY-MM-DD). */
    expectedCloseOn: str("expected_close_on"),
    status: str("status", { enum: OPPORTUNITY_STATUSES }).notNull(),
    /** Why the ISV rejected it, shown to the partner. */
    decisionReason: str("decision_reason"),
    decidedAt: timestamp("decided_at"),
    /** Made when the form is shown: a double submit registers one opportunity. */
    requestKey: str("request_key"),
    createdAt: createdAt(),
  },
  (t) => [
    check("opportunities_value_nonneg", sql`${t.expectedValueCents} >= 0`),
    index("opportunities_isv_idx").on(t.isvAccountId, t.status, t.createdAt),
    index("opportunities_partner_idx").on(t.partnerAccountId, t.status, t.createdAt),
    uniqueIndex("opportunities_request_key_uq").on(t.partnerAccountId, t.requestKey),
  ],
);

export const opportunityProducts = table(
  "opportunity_products",
  {
    opportunityId: str("opportunity_id")
      .notNull()
      .references(() => opportunities.id),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.productId] })],
);

export const discountRequests = table(
  "discount_requests",
  {
    id: str("id").primaryKey(),
    opportunityId: str("opportunity_id")
      .notNull()
      .references(() => opportunities.id),
    isvAccountId: str("isv_account_id")
      .notNull()
      .references(() => accounts.id),
    partnerAccountId: str("partner_account_id")
      .notNull()
      .references(() => accounts.id),
    customerAccountId: str("customer_account_id")
      .notNull()
      .references(() => accounts.id),
    additionalDiscountBps: int("additional_discount_bps").notNull(),
    markupBps: int("markup_bps"),
    status: str("status", { enum: DISCOUNT_REQUEST_STATUSES }).notNull(),
    /** Unused: a request's offers point at it (private_offers.discount_request_id), one per product. */
    offerId: str("offer_id").references(() => privateOffers.id),
    /** The first instant and the last day's end: the offer is acceptable only in between. */
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    /** Why a rep cancelled it, shown to both parties. */
    cancelReason: str("cancel_reason"),
    /** When it entered its current state: the reps' queue shows the age. */
    statusChangedAt: timestamp("status_changed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("discount_requests_opportunity_uq").on(t.opportunityId),
    index("discount_requests_status_idx").on(t.status, t.statusChangedAt),
    index("discount_requests_partner_idx").on(t.partnerAccountId, t.status),
    check("discount_requests_discount_range", sql`${t.additionalDiscountBps} > 0 and ${t.additionalDiscountBps} < 10000`),
    check("discount_requests_dates", sql`${t.endsAt} > ${t.startsAt}`),
    check("discount_requests_markup", sql`${t.markupBps} is null or ${t.markupBps} between 0 and 100000`),
  ],
);

export const discountRequestProducts = table(
  "discount_request_products",
  {
    discountRequestId: str("discount_request_id")
      .notNull()
      .references(() => discountRequests.id),
    productId: str("product_id")
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.discountRequestId, t.productId] })],
);

// ── Notifications and audit ─────────────────────────────────────────────────

export const notifications = table(
  "notifications",
  {
    id: str("id").primaryKey(),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: str("kind").notNull(),
    title: str("title").notNull(),
    body: str("body").notNull(),
    href: str("href"),
    readAt: timestamp("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_account_idx").on(t.accountId, t.readAt)],
);

// ── Outbox: e-mail and webhooks, delivered after the change commits ───────────

/**
 * One event for one recipient account, written in the same transaction as the
 * change it announces (with its in-portal notification, which shares its id).
 * The dispatcher (lib/outbox/dispatch.ts) fans it out to deliveries; nothing is
 * sent from inside the change's transaction.
 */
export const outboxEvents = table(
  "outbox_events",
  {
    /** The event id every channel carries (the e-mail's Message-ID, the webhook's event id). */
    id: str("id").primaryKey(),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: str("kind").notNull(),
    title: str("title").notNull(),
    body: str("body").notNull(),
    href: str("href"),
    /** What the recipient may see of the event, as label → value (shown in e-mail, sent to webhooks). */
    facts: json("facts").$type<Record<string, string>>(),
    createdAt: createdAt(),
    /** Set when the dispatcher has written the event's deliveries. */
    fannedOutAt: timestamp("fanned_out_at"),
  },
  // Read by the dispatcher only, oldest waiting first; nothing reads events by account.
  (t) => [index("outbox_events_waiting_idx").on(t.createdAt).where(sql`fanned_out_at is null`)],
);

/** One event to one target on one channel: an e-mail to a user, a webhook call to an endpoint. */
export const deliveries = table(
  "deliveries",
  {
    id: str("id").primaryKey(),
    eventId: str("event_id")
      .notNull()
      .references(() => outboxEvents.id),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    channel: str("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    /** The user (e-mail) or endpoint (webhook) id. */
    target: str("target").notNull(),
    status: str("status", { enum: DELIVERY_STATUSES }).notNull(),
    attempts: int("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    /** The dispatcher sending it now; another may take it once the lease has expired (a killed sender). */
    leaseOwner: str("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at"),
    lastError: str("last_error"),
    responseCode: int("response_code"),
    deliveredAt: timestamp("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("deliveries_event_target_uq").on(t.eventId, t.channel, t.target),
    index("deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("deliveries_created_idx").on(t.createdAt, t.id),
    index("deliveries_status_created_idx").on(t.status, t.createdAt, t.id),
    index("deliveries_account_idx").on(t.accountId, t.createdAt),
  ],
);

/** Every e-mail the portal sent or, with no SMTP server configured, kept for reading in the portal. */
export const mailMessages = table(
  "mail_messages",
  {
    id: str("id").primaryKey(),
    eventId: str("event_id")
      .notNull()
      .references(() => outboxEvents.id),
    userId: str("user_id")
      .notNull()
      .references(() => users.id),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    /** Stable per event and recipient: a resend after a crash carries the same one. */
    messageId: str("message_id").notNull(),
    toAddress: str("to_address").notNull(),
    subject: str("subject").notNull(),
    text: str("text").notNull(),
    html: str("html").notNull(),
    transport: str("transport", { enum: MAIL_TRANSPORTS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("mail_messages_event_user_uq").on(t.eventId, t.userId),
    index("mail_messages_user_idx").on(t.userId, t.createdAt),
    index("mail_messages_created_idx").on(t.createdAt, t.id),
  ],
);

/** The event kinds a user chose not to receive by e-mail (every kind e-mails by default). */
export const emailOptOuts = table(
  "email_opt_outs",
  {
    userId: str("user_id")
      .notNull()
      .references(() => users.id),
    kind: str("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Append-only record of every state change and every denied attempt. */
export const auditEvents = table(
  "audit_events",
  {
    id: str("id").primaryKey(),
    at: timestamp("at").notNull(),
    actorUserId: str("actor_user_id"),
    actorRole: str("actor_role"),
    accountId: str("account_id"),
    action: str("action").notNull(),
    objectType: str("object_type"),
    objectId: str("object_id"),
    before: json("before").$type<Record<string, unknown>>(),
    after: json("after").$type<Record<string, unknown>>(),
    outcome: str("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    ip: str("ip"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_account_idx").on(t.accountId, t.at),
    // Each object's timeline.
    index("audit_events_object_idx").on(t.objectId, t.at),
  ],
);

// ── Public API ──────────────────────────────────────────────────────────────

/** A secret key an account's system calls /api/v1 with; stored as a hash, shown once. */
export const apiKeys = table(
  "api_keys",
  {
    id: str("id").primaryKey(),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    /** The user who created it: the key acts as that user, and stops when the user is disabled. */
    userId: str("user_id")
      .notNull()
      .references(() => users.id),
    name: str("name").notNull(),
    /** The key's first characters, to tell keys apart in the console. */
    prefix: str("prefix").notNull(),
    /** SHA-256 of the whole key (keys are 160 random bits: a slow hash adds nothing). */
    secretHash: str("secret_hash").notNull(),
    scopes: json("scopes").$type<string[]>().notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_secret_uq").on(t.secretHash), index("api_keys_account_idx").on(t.accountId, t.createdAt)],
);

/** A POST's Idempotency-Key and the answer it got: the same key again replays the answer. */
export const idempotencyKeys = table(
  "idempotency_keys",
  {
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    key: str("key").notNull(),
    /** Method, path and a hash of the body: a key reused for another request is refused. */
    fingerprint: str("fingerprint").notNull(),
    /** Null while the first request is still running. */
    status: int("status"),
    response: json("response").$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/** An HTTPS endpoint of an account's own system that receives its events, signed with the endpoint's secret. */
export const webhookEndpoints = table(
  "webhook_endpoints",
  {
    id: str("id").primaryKey(),
    accountId: str("account_id")
      .notNull()
      .references(() => accounts.id),
    url: str("url").notNull(),
    description: str("description").notNull().default(""),
    /** The event kinds it receives. */
    kinds: json("kinds").$type<string[]>().notNull(),
    /** The signing secret (a shared secret: the receiver holds it too). */
    secret: str("secret").notNull(),
    /** After a rotation, deliveries carry a signature with the old secret too, until it expires. */
    previousSecret: str("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at"),
    createdAt: createdAt(),
    disabledAt: timestamp("disabled_at"),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId)],
);
