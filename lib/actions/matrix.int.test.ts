// TESTING.md items 1 and 4: every registered operation × every role and anonymous.
// A role the permission table does not allow gets "not found", nothing is written,
// and the denied attempt is on record. Allowed roles are covered feature by feature.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditEvents } from "@/db/schema";
import { ROLES, type Role } from "@/db/enums";
import type { Operation } from "@/lib/actions/operation";
import { OPERATIONS } from "@/lib/actions/registry";
import type { CurrentUser } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { NOT_FOUND } from "@/lib/result";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";
import { makeActor, tableCounts } from "@/db/testing/fixtures";

let test: TestDatabase;
let db: Db;
const actors = {} as Record<Role, CurrentUser>;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.handle.db;
  for (const role of ROLES) actors[role] = await makeActor(db, role, { registered: role === "isv" || role === "partner" });
});
afterAll(() => test.drop());

describe("the registry", () => {
  it("holds every operation exported by a service module", async () => {
    const modules = import.meta.glob<Record<string, unknown>>("/lib/**/service.ts", { eager: true });
    const registered = new Set(Object.values(OPERATIONS));
    for (const [file, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value === "function" && "permission" in value) {
          expect(registered.has(value as Operation<unknown>), `${file} exports ${name}, which is not in lib/actions/registry.ts`).toBe(true);
        }
      }
    }
  });
});

describe(`authorization matrix of operations on ${dialect}`, () => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    for (const role of [...ROLES, null] as const) {
      if (can(role, operation.permission)) continue;
      it(`${role ?? "anonymous"} cannot ${name}`, async () => {
        const actor = role ? actors[role] : null;
        const before = await tableCounts(db, ["auditEvents"]);
        // Input shaped like a real request, so a refusal cannot come from validation.
        const result = await operation(db, actor, { invitationId: "inv_x", productId: "prod_x", reason: "x", name: "Product" });
        expect(result).toEqual({ ok: false, error: NOT_FOUND });
        expect(await tableCounts(db, ["auditEvents"])).toEqual(before);
        const denied = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, operation.permission), eq(auditEvents.outcome, "denied")));
        expect(denied.some((e) => e.actorUserId === (actor?.id ?? null))).toBe(true);
      });
    }
  }
});
