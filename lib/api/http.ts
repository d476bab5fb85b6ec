// The public API's conventions, after Stripe's: JSON errors with a type, a
// code and the field at fault; cursor pagination; per-key rate limits with
// Retry-After; Idempotency-Key on POST.
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { isUniqueViolation } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { hitWindows } from "@/lib/auth/throttle";
import { now } from "@/lib/clock";
import type { FieldErrors } from "@/lib/result";

export type ErrorType = "invalid_request_error" | "authentication_error" | "permission_error" | "not_found_error" | "conflict_error" | "idempotency_error" | "rate_limit_error" | "api_error";

export interface ApiErrorBody {
  error: { type: ErrorType; code: string; message: string; param?: string; errors?: { param: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly extra: { param?: string; errors?: { param: string; message: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { error: { type: this.type, code: this.code, message: this.message, ...(this.extra.param ? { param: this.extra.param } : {}), ...(this.extra.errors ? { errors: this.extra.errors } : {}) } };
  }
}

export const notFound = (what = "No such object.") => new ApiError(404, "not_found_error", "resource_missing", what);

/** Field errors from validation as a 400 naming the first field. */
export function invalid(message: string, fieldErrors: FieldErrors = {}): ApiError {
  const errors = Object.entries(fieldErrors).flatMap(([param, messages]) => (messages ?? []).map((m) => ({ param, message: m })));
  return new ApiError(400, "invalid_request_error", "invalid_input", errors[0]?.message ?? message, { param: errors[0]?.param, errors });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

// ── Cursor pagination ───────────────────────────────────────────────────────

export interface Cursor {
  at: Date;
  id: string;
}

/** A cursor of this API's own making over some key fields ("2026-09.chg_…"), or null. */
export function encodeKey(parts: readonly (string | number)[]): string {
  return Buffer.from(parts.join(".")).toString("base64url");
}

export function decodeKey(raw: string, pattern: RegExp): RegExpExecArray | null {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(raw) ? Buffer.from(raw, "base64url").toString("utf8") : "";
  return pattern.exec(text);
}

export const badCursor = () => invalid("startingAfter is not a cursor this API gave out", { startingAfter: ["startingAfter is not a cursor this API gave out"] });

/** Opaque to clients: base64url of "<ms>.<id>". */
export function encodeCursor(cursor: Cursor): string {
  return encodeKey([cursor.at.getTime(), cursor.id]);
}

export function decodeCursor(raw: string): Cursor | null {
  const match = decodeKey(raw, /^(\d{1,15})\.([a-z]{2,5}_[0-9a-z]{20})$/);
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : null;
}

/** `limit` and `startingAfter` from the query string, or a 400 naming the parameter. */
export function pageParams(search: URLSearchParams, { ownCursor = false } = {}): { limit: number; after: Cursor | null } {
  const rawLimit = search.get("limit");
  let limit = 25;
  if (rawLimit !== null) {
    if (!/^\d{1,3}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > 100) throw invalid("limit must be a whole number from 1 to 100", { limit: ["limit must be a whole number from 1 to 100"] });
    limit = Number(rawLimit);
  }
  const rawAfter = ownCursor ? null : search.get("startingAfter");
  let after: Cursor | null = null;
  if (rawAfter !== null) {
    after = decodeCursor(rawAfter);
    if (!after) throw badCursor();
  }
  return { limit, after };
}

/** The list envelope of a page read with one row to spare: `nextCursor` is the last row's position while more rows follow. */
export function listOf<T>(rows: T[], limit: number, cursorOf: (row: T) => string) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { object: "list" as const, data, hasMore: more, nextCursor: more && last ? cursorOf(last) : null };
}

// ── Rate limits ─────────────────────────────────────────────────────────────

export function rateLimitSettings() {
  const limit = Number(process.env.API_RATE_LIMIT) || 100;
  const windowMs = Number(process.env.API_RATE_WINDOW_MS) || 10_000;
  return { limit, windowMs };
}

/**
 * Counts the request against its key's fixed window (lib/auth/throttle.ts, so
 * every instance shares the count); throws 429 with Retry-After when over.
 */
export async function checkRateLimit(db: Db, keyId: string): Promise<{ remaining: number; limit: number }> {
  const { limit, windowMs } = rateLimitSettings();
  const at = new Date();
  const window = (await hitWindows(db, [`api:${keyId}`], windowMs, at)).get(`api:${keyId}`) ?? { count: 1, windowStart: at };
  if (window.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((window.windowStart.getTime() + windowMs - at.getTime()) / 1000));
    throw new ApiError(429, "rate_limit_error", "rate_limited", `Too many requests: at most ${limit} every ${windowMs / 1000} s per key. Retry after ${retryAfter} s.`, {
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  return { remaining: limit - window.count, limit };
}

// ── Idempotency ─────────────────────────────────────────────────────────────

export type Stored = { status: number; body: unknown };

const STALE_CLAIM_MS = 60_000;

export function fingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex")}`;
}

/**
 * Claims an Idempotency-Key for this request: null when it is new (run it,
 * then `storeIdempotent`), the stored answer when it ran before; 409 while the
 * first is still running, 422 when the key was used for another request.
 */
export async function claimIdempotencyKey(db: Db, accountId: string, key: string, print: string): Promise<Stored | null> {
  if (!/^[\x21-\x7e]{8,255}$/.test(key)) throw new ApiError(400, "invalid_request_error", "invalid_idempotency_key", "Idempotency-Key must be 8 to 255 printable characters.", { param: "Idempotency-Key" });
  try {
    await db.transaction((tx) => tx.insert(idempotencyKeys).values({ accountId, key, fingerprint: print, status: null, response: null, createdAt: now() }));
    return null;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  if (row.fingerprint !== print) throw new ApiError(422, "idempotency_error", "idempotency_key_reused", "This Idempotency-Key was used for a different request.", { param: "Idempotency-Key" });
  if (row.status === null) {
    // The first request's process died mid-way (its claim is a minute old): this request takes the key over.
    const stale = new Date(now().getTime() - STALE_CLAIM_MS);
    if (row.createdAt < stale) {
      const taken = await db.transaction((tx) =>
        tx
          .update(idempotencyKeys)
          .set({ createdAt: now() })
          .where(and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status), eq(idempotencyKeys.createdAt, row.createdAt)))
          .returning({ key: idempotencyKeys.key }),
      );
      if (taken.length === 1) return null;
    }
  }
  if (row.status === null) throw new ApiError(409, "conflict_error", "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry shortly.", { param: "Idempotency-Key" });
  return { status: row.status, body: row.response };
}

/** Stores the answer (a 5xx releases the key instead, so a retry runs again). */
export async function storeIdempotent(db: Db, accountId: string, key: string, answer: Stored): Promise<void> {
  await db.transaction(async (tx) => {
    const mine = and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key));
    if (answer.status >= 500) await tx.delete(idempotencyKeys).where(mine);
    else await tx.update(idempotencyKeys).set({ status: answer.status, response: answer.body }).where(mine);
  });
}
