// The input policy every form and action shares: one text policy, one number
// parser, one date parser, one id shape. Each answers on its own field with a
// sentence a person can act on, and none can throw (an exception here would be
// a 500 where a field error belongs).
import { z } from "zod";

// Bidi overrides/isolates and zero-width characters make text display differently
// from what it is (names that look alike, reversed amounts, hidden words in terms).
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// C0 controls (NUL, bell, escape…), DEL and the C1 block. Multi-line text allows only \n and \t.
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
/** Lone surrogates (half a character), which some databases refuse or mangle. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const stringOf = (label: string) => z.string({ message: `${label} must be text` });

function textChecks<T extends z.ZodType<string>>(schema: T, label: string, multiLine: boolean) {
  return schema
    .refine((v) => !INVISIBLE.test(v), `${label} contains invisible or direction-changing characters`)
    .refine((v) => !(multiLine ? CONTROL_MULTI : CONTROL_SINGLE).test(v), multiLine ? `${label} contains control characters` : `${label} must be one line, without control characters`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label} contains a broken character`);
}

/** One line of text: a name, a reference. Trimmed; no line breaks, control or invisible characters. */
export function singleLine(label: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}) {
  return textChecks(
    stringOf(label)
      // A first bound before trimming, so a 2 MB value costs nothing.
      .max(max * 4 + 64, `${label} must be at most ${max} characters`)
      .trim()
      .min(min, min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
      .max(max, `${label} must be at most ${max} characters`),
    label,
    false,
  );
}

/** The old name of singleLine, kept for the forms that use it. */
export const plainText = singleLine;

/** Paragraphs: terms, descriptions, a EULA. Line breaks (normalized to \n) and tabs; no other control or invisible characters. */
export function multiLine(label: string, { min = 0, max = 10_000 }: { min?: number; max?: number } = {}) {
  const tooLong = `${label} must be at most ${max.toLocaleString("en-US")} characters`;
  return textChecks(
    stringOf(label)
      .max(max * 4 + 64, tooLong)
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(
        z
          .string()
          .min(min, min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
          .max(max, tooLong),
      ),
    label,
    true,
  );
}

/**
 * A whole number as a person types it: digits only ("12"), or a JSON number
 * that is a safe integer. "0x1F", "1e3", "12.0", " ", true and null are refused.
 */
export function wholeNumber(label: string, { min, max }: { min: number; max: number }) {
  const range = `${label} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`;
  return z
    .union([z.string(), z.number()], { message: range })
    .transform((v, ctx) => {
      const text = typeof v === "number" ? (Number.isSafeInteger(v) ? String(v) : "") : v.trim();
      if (!/^\d{1,15}$/.test(text)) {
        ctx.addIssue({ code: "custom", message: range });
        return z.NEVER;
      }
      return Number(text);
    })
    .refine((n) => n >= min && n <= max, range);
}

/** Does "YYYY-MM-DD" name a real calendar day? (No Date parsing that could throw or roll over.) */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** A calendar day written YYYY-MM-DD; refuses impossible days (2027-02-31), empty and malformed text. */
export function dateOnly(label: string) {
  return stringOf(label)
    .max(40, `Enter ${label.toLowerCase()} as a date, YYYY-MM-DD`)
    .trim()
    .refine((v) => v.length > 0, `${label} is required`)
    .refine((v) => v.length === 0 || /^\d{4}-\d{2}-\d{2}$/.test(v), `Enter ${label.toLowerCase()} as a date, YYYY-MM-DD`)
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDate(v), "That date does not exist");
}

/** An object id from a URL or a hidden field: bounded, printable; whether it exists (and is the caller's) is the lookup's answer. */
export function objectId(label = "Id") {
  return stringOf(label)
    .min(1, `${label} is required`)
    .max(64, `${label} is not valid`)
    .refine((v) => !CONTROL_SINGLE.test(v) && !INVISIBLE.test(v), `${label} is not valid`);
}

export const emailField = z
  .string({ message: "Email is required" })
  .max(1000, "Email must be at most 254 characters")
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));
