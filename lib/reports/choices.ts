// The report filters' pickers: what a typed text matches among a viewer's products, partners or
// vendors (the lists themselves come from filterChoices in lib/reports/queries.ts).

export type ChoiceKind = "products" | "partners" | "isvs";

export interface Choice {
  id: string;
  name: string;
}

/** At most this many matches are listed; typing narrows the rest. */
export const SHOWN_MATCHES = 50;

/** The choices matching what was typed: in the name (any case) or, typed as digits with or without dashes, in the account id. */
export function matchChoices(choices: readonly Choice[], typed: string, limit = SHOWN_MATCHES): { shown: Choice[]; total: number } {
  const query = typed.trim().toLowerCase();
  const digits = query.replace(/[\s-]/g, "");
  const byDigits = /^\d+$/.test(digits);
  const hits = query ? choices.filter((c) => c.name.toLowerCase().includes(query) || (byDigits && c.id.includes(digits))) : choices;
  return { shown: hits.slice(0, limit), total: hits.length };
}
