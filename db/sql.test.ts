import { describe, expect, it } from "vitest";
import { containsPattern } from "@/db/sql";

describe("containsPattern", () => {
  it("escapes LIKE wildcards so a search for 50% matches the text, not anything", () => {
    expect(containsPattern("50%")).toBe("%50\\%%");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
    expect(containsPattern("back\\slash")).toBe("%back\\\\slash%");
    expect(containsPattern("plain")).toBe("%plain%");
  });
});
