// Reps are created only by the seed or this command; sign-up cannot make one.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/sign-in";
import { createTestDatabase, dialect, type TestDatabase } from "@/db/testing/database";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.drop());

const root = path.resolve(import.meta.dirname, "..", "..");
const createRep = (...args: string[]) =>
  promisify(execFile)("node", ["lib/cli/run.mjs", "create-rep", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: test.url, AUTH_SECRET: "x".repeat(32) },
  });

describe(`npm run create-rep on ${dialect}`, () => {
  it("creates a marketplace rep who can sign in", async () => {
    const { stdout } = await createRep("--email", "Rae@Example.com", "--name", "Rae Rep", "--password", "rep-password-123");
    expect(stdout).toContain("Created marketplace rep rae@example.com");
    const outcome = await authenticate(test.handle.db, { email: "rae@example.com", password: "rep-password-123" }, "cli-test");
    expect(outcome.ok && outcome.user.role).toBe("rep");
  }, 60_000);

  it("refuses bad flags by name and writes nothing", async () => {
    const [before] = await test.handle.db.select({ n: count() }).from(users);
    for (const [args, message] of [
      [["--email", "nope", "--name", "X", "--password", "long-enough-pass"], "--email"],
      [["--email", "ok@example.com", "--name", "X", "--password", "short"], "--password"],
      [["--email", "rae@example.com", "--name", "X", "--password", "long-enough-pass"], "already has an account"],
    ] as const) {
      const error = await createRep(...args).catch((e: { stderr: string }) => e);
      expect((error as { stderr: string }).stderr).toContain(message);
    }
    const [after] = await test.handle.db.select({ n: count() }).from(users);
    expect(after?.n).toBe(before?.n);
    expect(await test.handle.db.select().from(users).where(eq(users.email, "ok@example.com"))).toEqual([]);
  }, 60_000);
});
