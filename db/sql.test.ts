import { describe, expect, it } from "vitest";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { containsPattern, qualified } from "@/db/sql";

describe("containsPattern", () => {
  it("escapes LIKE wildcards so a search for 50% matches the text, not anything", () => {
    expect(containsPattern("50%")).toBe("%50\\%%");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
    expect(containsPattern("back\\slash")).toBe("%back\\\\slash%");
    expect(containsPattern("plain")).toBe("%plain%");
  });
});

describe("qualified", () => {
  it("names a column with its table, as a correlated subquery needs", () => {
    expect(new SQLiteSyncDialect().sqlToQuery(qualified("seller_balances", { name: "seller_account_id" })).sql).toBe('"seller_balances"."seller_account_id"');
  });
});
