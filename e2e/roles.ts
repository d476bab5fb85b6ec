// What each role's home must show from the demo data, and the areas it must be refused.
export const AREA_PATHS = ["/vendor", "/partner", "/buyer", "/marketplace"] as const;

export function otherAreas(own: (typeof AREA_PATHS)[number]) {
  return AREA_PATHS.filter((path) => path !== own);
}
