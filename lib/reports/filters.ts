// A report's filters live in the URL, so a filtered report can be bookmarked,
// shared and exported as it stands. Whatever is typed into the address bar
// comes out as a valid filter: a bad value is dropped, never an error page.
import type { RawSearchParams } from "@/lib/tables/params";

export interface ReportFilter {
  /** First billing period, "YYYY-MM", inclusive. */
  from: string | null;
  /** Last billing period, "YYYY-MM", inclusive. */
  to: string | null;
  productId: string | null;
  /** The seller of record (ISV and rep reports). */
  partnerId: string | null;
  /** The manufacturer (partner and rep reports). */
  isvId: string | null;
}

export const EMPTY_FILTER: ReportFilter = { from: null, to: null, productId: null, partnerId: null, isvId: null };
export const FILTER_PARAMS = ["from", "to", "product", "partner", "isv"] as const;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
// Our ids are a prefix and 20 lowercase base-32 characters; account ids are 12 digits.
const ID = /^[a-z]{2,5}_[0-9a-z]{8,40}$/;
const ACCOUNT = /^\d{12}$/;

function first(raw: RawSearchParams, key: string): string | null {
  if (!Object.hasOwn(raw, key)) return null;
  const value = raw[key];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 64 ? trimmed : null;
}

export function isPeriod(value: string): boolean {
  const m = PERIOD.exec(value);
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2999;
}

export function parseReportFilter(raw: RawSearchParams): ReportFilter {
  const period = (key: string) => {
    const v = first(raw, key);
    return v && isPeriod(v) ? v : null;
  };
  let from = period("from");
  let to = period("to");
  // A range typed backwards means the same months.
  if (from && to && from > to) [from, to] = [to, from];
  const id = (key: string, pattern: RegExp) => {
    const v = first(raw, key)?.replace(/[\s-]/g, "") ?? null;
    return v && pattern.test(v) ? v : null;
  };
  return { from, to, productId: id("product", ID), partnerId: id("partner", ACCOUNT), isvId: id("isv", ACCOUNT) };
}

/** The filter as URL params (only what is set), for links, the CSV export and the form. */
export function filterSearchParams(filter: ReportFilter): URLSearchParams {
  const out = new URLSearchParams();
  if (filter.from) out.set("from", filter.from);
  if (filter.to) out.set("to", filter.to);
  if (filter.productId) out.set("product", filter.productId);
  if (filter.partnerId) out.set("partner", filter.partnerId);
  if (filter.isvId) out.set("isv", filter.isvId);
  return out;
}

export function describeRange(filter: ReportFilter): string {
  if (filter.from && filter.to) return filter.from === filter.to ? filter.from : `${filter.from} to ${filter.to}`;
  if (filter.from) return `from ${filter.from}`;
  if (filter.to) return `through ${filter.to}`;
  return "all periods";
}

/** The twelve billing periods up to and including the current one: the home pages' charts. */
export function lastTwelveMonths(at: Date): ReportFilter {
  const to = at.toISOString().slice(0, 7);
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 11, 1));
  return { ...EMPTY_FILTER, from: start.toISOString().slice(0, 7), to };
}
