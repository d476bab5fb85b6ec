// What every server action returns: data, or a sentence and per-field messages.
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error?: string; fieldErrors?: FieldErrors; code?: ErrorCode };

/** Machine-readable reasons the UI reacts to (e.g. linking to the registration wizard). */
export type ErrorCode = "registration_incomplete";

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(error: string, fieldErrors?: FieldErrors): { ok: false; error: string; fieldErrors?: FieldErrors } {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const INVALID_INPUT = "Some fields need your attention.";
export const NOT_FOUND = "Not found.";
