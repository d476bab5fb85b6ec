import { describe, expect, it } from "vitest";
import { formatAccountId, parseAccountId } from "@/lib/account-id";
import { newId, randomAccountId } from "@/lib/ids";

describe("account ids", () => {
  it("parses twelve digits with or without dashes", () => {
    expect(parseAccountId("123456789012")).toBe("123456789012");
    expect(parseAccountId("1234-5678-9012")).toBe("123456789012");
    expect(parseAccountId(" 1234 5678 9012 ")).toBe("123456789012");
  });

  it("refuses anything else", () => {
    for (const bad of ["", "12345678901", "1234567890123", "1234-5678-901a", "١٢٣٤٥٦٧٨٩٠١٢", "1234\u200B56789012", "' or 1=1 --"]) {
      expect(parseAccountId(bad)).toBeNull();
    }
  });

  it("formats as 1234-5678-9012", () => {
    expect(formatAccountId("123456789012")).toBe("1234-5678-9012");
  });

  it("makes fresh random ids of the right shape", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = randomAccountId();
      expect(id).toMatch(/^[1-9][0-9]{11}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(1000);
    expect(newId("inv")).toMatch(/^inv_[0-9a-z]{20}$/);
  });
});
