import { describe, expect, it } from "vitest";
import { matchChoices } from "@/lib/reports/choices";

const partners = [
  { id: "527604193382", name: "Blue Harbor Consulting" },
  { id: "638215079461", name: "Summit Cloud Advisors" },
  { id: "711111111111", name: "Harborview 5276 Partners" },
];

describe("report filter pickers", () => {
  it("match a name anywhere, in any case, and an account id typed with or without dashes", () => {
    expect(matchChoices(partners, "  HARBOR ").shown.map((c) => c.id)).toEqual(["527604193382", "711111111111"]);
    expect(matchChoices(partners, "6382-1507").shown.map((c) => c.id)).toEqual(["638215079461"]);
    expect(matchChoices(partners, "63821507").shown.map((c) => c.id)).toEqual(["638215079461"]);
    // Digits match ids and names alike.
    expect(matchChoices(partners, "5276").shown.map((c) => c.id)).toEqual(["527604193382", "711111111111"]);
    expect(matchChoices(partners, "nobody").total).toBe(0);
  });

  it("list everything for an empty box, at most the limit, and say how many match", () => {
    expect(matchChoices(partners, "").total).toBe(3);
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: String(100000000000 + i), name: `Partner ${i}` }));
    const page = matchChoices(many, "partner 1");
    expect(page.shown).toHaveLength(50);
    expect(page.total).toBe(1111); // 1, 10–19, 100–199, 1000–1999
    expect(matchChoices(many, "partner 1", 5).shown.map((c) => c.name)).toEqual(["Partner 1", "Partner 10", "Partner 11", "Partner 12", "Partner 13"]);
  });
});
