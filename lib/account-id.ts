// Account ids: twelve digits, stored bare, shown as 1234-5678-9012.
/** Accepts digits with optional dashes or spaces between groups; returns the 12 digits or null. */
export function parseAccountId(input: string): string | null {
  const compact = input.trim().replace(/[-\s]/g, "");
  return /^[0-9]{12}$/.test(compact) ? compact : null;
}

export function formatAccountId(id: string): string {
  return /^[0-9]{12}$/.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : id;
}
