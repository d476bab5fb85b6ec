// What each role's home must show from the demo data, and the areas it must be refused.
export const AREA_PATHS = ["/vendor", "/partner", "/buyer", "/marketplace"] as const;

export function otherAreas(own: (typeof AREA_PATHS)[number]) {
  return AREA_PATHS.filter((path) => path !== own);
}

/** The demo users whose sessions the setup project saves for the role projects: no test signs them out. */
export const SAVED_SESSIONS = ["isv@demo.example", "partner@demo.example", "customer@demo.example", "rep@demo.example"];
