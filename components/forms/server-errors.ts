// Lands a server action's field errors on the form's fields, and its sentence on the form.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/result";

export function applyServerErrors<T extends FieldValues>(
  result: ActionResult<unknown>,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (result.ok) return null;
  let unplaced: string | null = null;
  for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if (fields.includes(key)) setError(key as Path<T>, { type: "server", message });
    else unplaced ??= message;
  }
  return result.error && (unplaced || !result.fieldErrors) ? (unplaced ?? result.error) : null;
}
