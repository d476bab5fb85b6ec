// The money module of DOMAIN.md: every price, fee and share in the portal is
// computed here, on the server and in the browser alike. Amounts are integer
// cents, percentages integer basis points (12.5% = 1250). Each step rounds
// half-up to the cent from the rounded figure before it, so a printed bill can
// be recomputed by hand. Intermediate products use BigInt: cents × bps can
// pass 2^53 for large contracts.

export const BPS_SCALE = 10_000;

export interface DimensionQuantity {
  quantity: number;
  /** Public price per unit per month. */
  unitPriceCents: number;
}

function assertCents(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of cents`);
}

function assertBps(value: number, name: string, max: number) {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be an integer 0–${max} bps`);
}

/** round(amount × numerator / 10000), half-up, for non-negative integers. */
export function scaleHalfUp(amountCents: number, numeratorBps: number): number {
  const product = BigInt(amountCents) * BigInt(numeratorBps);
  const scale = BigInt(BPS_SCALE);
  const rounded = (product * 2n + scale) / (scale * 2n);
  return Number(rounded);
}

/** L = Σ quantity × public unit price × months. */
export function listCents(dimensions: readonly DimensionQuantity[], months: number): number {
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError("months must be a non-negative integer");
  let total = 0n;
  for (const { quantity, unitPriceCents } of dimensions) {
    if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError("quantity must be a non-negative integer");
    assertCents(unitPriceCents, "unit price");
    total += BigInt(quantity) * BigInt(unitPriceCents) * BigInt(months);
  }
  const result = Number(total);
  assertCents(result, "list total");
  return result;
}

/** W = round(L × (10000 − discount) / 10000). */
export function wholesaleCents(listTotalCents: number, discountBps: number): number {
  assertCents(listTotalCents, "list");
  assertBps(discountBps, "discount", BPS_SCALE);
  return scaleHalfUp(listTotalCents, BPS_SCALE - discountBps);
}

/** Non-recurring discount: W' = round(W × (10000 − additional discount) / 10000). */
export function discountedWholesaleCents(wholesale: number, additionalDiscountBps: number): number {
  return wholesaleCents(wholesale, additionalDiscountBps);
}

/** C = round(W × (10000 + markup) / 10000). */
export function customerCents(wholesale: number, markupBps: number): number {
  assertCents(wholesale, "wholesale");
  assertBps(markupBps, "markup", 10 * BPS_SCALE);
  return scaleHalfUp(wholesale, BPS_SCALE + markupBps);
}

/** F = round(W × fee / 10000): the listing fee, charged to the ISV on wholesale. */
export function feeCents(wholesale: number, feeBps: number): number {
  assertCents(wholesale, "wholesale");
  assertBps(feeBps, "fee", BPS_SCALE);
  return scaleHalfUp(wholesale, feeBps);
}

export interface PriceInput {
  dimensions: readonly DimensionQuantity[];
  months: number;
  discountBps: number;
  /** Non-recurring discount on top of the wholesale discount; 0 for none. */
  additionalDiscountBps?: number;
  markupBps: number;
  feeBps: number;
}

export interface Split {
  listCents: number;
  wholesaleCents: number;
  customerCents: number;
  feeCents: number;
  /** W − F */
  isvShareCents: number;
  /** C − W */
  partnerShareCents: number;
}

/** The whole chain for one period: customer = partner + ISV + fee, to the cent. */
export function split(input: PriceInput): Split {
  const list = listCents(input.dimensions, input.months);
  let wholesale = wholesaleCents(list, input.discountBps);
  if (input.additionalDiscountBps) wholesale = discountedWholesaleCents(wholesale, input.additionalDiscountBps);
  return splitWholesale(list, wholesale, input.markupBps, input.feeBps);
}

/** The split from an already frozen list and wholesale amount. */
export function splitWholesale(list: number, wholesale: number, markupBps: number, feeBps: number): Split {
  const customer = customerCents(wholesale, markupBps);
  const fee = feeCents(wholesale, feeBps);
  return {
    listCents: list,
    wholesaleCents: wholesale,
    customerCents: customer,
    feeCents: fee,
    isvShareCents: wholesale - fee,
    partnerShareCents: customer - wholesale,
  };
}

// ── Listing fee schedule ────────────────────────────────────────────────────

export interface FeeTier {
  /** Inclusive lower bound of the total contract value at wholesale, in cents. */
  minContractCents: number;
  feeBps: number;
}

/** DOMAIN.md's current schedule: private offer 3% + 0.5% channel, tiered on TCV at wholesale. */
export const DEFAULT_FEE_TIERS: readonly FeeTier[] = [
  { minContractCents: 0, feeBps: 350 },
  { minContractCents: 1_000_000_00, feeBps: 250 },
  { minContractCents: 10_000_000_00, feeBps: 200 },
];
export const DEFAULT_RENEWAL_FEE_BPS = 200;

/** The fee rate for a contract, from the tier whose lower bound is the highest not above its value. */
export function feeBpsForContract(
  contractWholesaleCents: number,
  tiers: readonly FeeTier[] = DEFAULT_FEE_TIERS,
  options: { renewal?: boolean; renewalFeeBps?: number } = {},
): number {
  if (options.renewal) return options.renewalFeeBps ?? DEFAULT_RENEWAL_FEE_BPS;
  assertCents(contractWholesaleCents, "contract value");
  let chosen: FeeTier | undefined;
  for (const tier of tiers) {
    if (tier.minContractCents <= contractWholesaleCents && (!chosen || tier.minContractCents > chosen.minContractCents)) {
      chosen = tier;
    }
  }
  if (!chosen) throw new RangeError("the fee schedule has no tier for this contract value");
  return chosen.feeBps;
}

// ── Percent ↔ basis points, and display ─────────────────────────────────────

const PERCENT_PATTERN = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250; at most two decimals; anything else (signs, "%", exponents, NaN) → null. */
export function percentToBps(text: string): number | null {
  const match = PERCENT_PATTERN.exec(text.trim());
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  const bps = whole * 100 + fraction;
  return Number.isSafeInteger(bps) ? bps : null;
}

/** 1250 → "12.5" (no trailing zeros). */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = Math.abs(bps % 100);
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 880000, "USD" → "$8,800.00" */
/** "$1,234.56"; with `compact`, an axis label ("$1.2K", "$3M"). */
export function formatMoney(cents: number, currency = "USD", options: { compact?: boolean } = {}): string {
  const key = `${currency}|${options.compact ? "c" : ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", options.compact ? { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 } : { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}

/** "$1,234.56" style parse of a decimal dollar string to cents; null when not a plain amount. */
export function parseMoneyToCents(text: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
