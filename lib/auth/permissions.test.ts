import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, AREAS, areaForRole, can, PERMISSIONS, ROLES } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("gives each role exactly its own area", () => {
    for (const area of AREAS) {
      for (const role of ROLES) expect(can(role, area.permission)).toBe(role === area.role);
      expect(areaForRole(area.role).slug).toBe(area.slug);
    }
  });

  it("denies anonymous callers everything", () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("answers exactly the table, cell by cell", () => {
    for (const permission of ALL_PERMISSIONS) {
      for (const role of ROLES) {
        expect(can(role, permission)).toBe((PERMISSIONS[permission] as readonly string[]).includes(role));
      }
    }
  });
});
