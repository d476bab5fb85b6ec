// Countries a seller can register from (ISO 3166-1 alpha-2).
export const COUNTRIES = {
  US: "United States",
  CA: "Canada",
  GB: "United Kingdom",
  IE: "Ireland",
  DE: "Germany",
  FR: "France",
  NL: "Netherlands",
  ES: "Spain",
  IT: "Italy",
  SE: "Sweden",
  CH: "Switzerland",
  AU: "Australia",
  NZ: "New Zealand",
  JP: "Japan",
  SG: "Singapore",
  IN: "India",
  BR: "Brazil",
  MX: "Mexico",
} as const;

export type CountryCode = keyof typeof COUNTRIES;
export const COUNTRY_CODES = Object.keys(COUNTRIES) as [CountryCode, ...CountryCode[]];

export const DISBURSEMENT_CURRENCIES = ["USD", "EUR", "GBP", "AUD", "CAD", "JPY"] as const;
