import { describe, expect, it } from "vitest";
import { newId, timePart } from "@/lib/ids";

describe("row ids", () => {
  it("are a prefix and 20 base32 characters: the time, then random ones", () => {
    const at = Date.UTC(2026, 11, 1, 3, 0, 0, 123);
    const id = newId("chg", at);
    expect(id).toMatch(/^chg_[0-9a-hjkmnp-tv-z]{20}$/);
    expect(id.slice(4, 14)).toBe(timePart(at));
    // Base32, most significant digit first: 32 is "10".
    expect(timePart(0)).toBe("0000000000");
    expect(timePart(31)).toBe("000000000z");
    expect(timePart(32)).toBe("0000000010");
  });

  it("sort in the order they were made, across every digit's carry", () => {
    const times = [0, 31, 32, 1023, 1024, 1_000_000, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2099, 11, 31), 2 ** 50 - 1];
    const ids = times.map((t) => newId("x", t));
    expect([...ids].sort()).toEqual(ids);
    // Later, even by one millisecond, always sorts after: whatever the random part drew.
    for (let i = 0; i < 1000; i++) expect(newId("x", 1_764_558_000_000 + i) < newId("x", 1_764_558_000_001 + i)).toBe(true);
  });

  it("do not repeat within one millisecond", () => {
    const at = Date.now();
    const seen = new Set(Array.from({ length: 50_000 }, () => newId("x", at)));
    expect(seen.size).toBe(50_000);
  });
});
