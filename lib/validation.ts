// Shared zod pieces for user-entered text.
import { z } from "zod";

// Bidi overrides/isolates and zero-width characters can make text display
// differently from what it is (names that look alike, reversed amounts).
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function plainText(label: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}) {
  return z
    .string({ message: `${label} is required` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !INVISIBLE.test(v), `${label} contains invisible or direction-changing characters`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters`);
}

export const emailField = z
  .string({ message: "Email is required" })
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));
