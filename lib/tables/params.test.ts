import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CURSOR_LENGTH, MAX_QUERY_LENGTH, offsetOf, pageCount, tableParamNames, toSearchParams, type RawSearchParams, type TableParams, type TableSpec } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

const spec = {
  sortable: ["createdAt", "customer", "amount"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { status: ["pending", "accepted", "expired"], currency: ["USD", "EUR"] },
  search: true,
} satisfies TableSpec<"createdAt" | "customer" | "amount", "status" | "currency">;

const defaults: TableParams<"createdAt" | "customer" | "amount", "status" | "currency"> = {
  page: 1,
  pageSize: 10,
  sort: { id: "createdAt", desc: true },
  filters: {},
  q: "",
};

function fromUrl(query: string): RawSearchParams {
  // What Next hands a page: repeated keys become arrays.
  const out: RawSearchParams = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = out[key];
    out[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return out;
}

const parse = (query: string) => parseTableParams(spec, fromUrl(query));

describe("parseTableParams", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parse("")).toEqual(defaults);
  });

  it("reads valid values", () => {
    expect(parse("page=3&size=25&sort=customer&dir=asc&status=pending,accepted&currency=EUR&q=acme")).toEqual({
      page: 3,
      pageSize: 25,
      sort: { id: "customer", desc: false },
      filters: { status: ["pending", "accepted"], currency: ["EUR"] },
      q: "acme",
    });
  });

  it("sorts another column ascending and the default column in its default direction when dir is absent", () => {
    expect(parse("sort=amount").sort).toEqual({ id: "amount", desc: false });
    expect(parse("sort=createdAt").sort).toEqual({ id: "createdAt", desc: true });
    expect(parse("dir=asc").sort).toEqual({ id: "createdAt", desc: false });
  });

  it.each([
    ["page=-1"],
    ["page=0"],
    ["page=NaN"],
    ["page=1.5"],
    ["page=1e3"],
    ["page=%202"],
    ["page=0x10"],
    ["page="],
    ["page=99999999999999999999999"],
    ["page=1000001"],
  ])("falls back to page 1 for %s", (query) => {
    expect(parse(query).page).toBe(1);
  });

  it("falls back to page 1 for a 5000-digit page", () => {
    expect(parse(`page=${"9".repeat(5000)}`).page).toBe(1);
  });

  it("accepts large but sane pages", () => {
    expect(parse("page=123456").page).toBe(123456);
  });

  it("only accepts the spec's page sizes", () => {
    expect(parse("size=50").pageSize).toBe(50);
    expect(parse("size=1000000").pageSize).toBe(10);
    expect(parse("size=-10").pageSize).toBe(10);
    expect(parseTableParams({ ...spec, pageSizes: [20, 100] }, {}).pageSize).toBe(20);
    expect(parseTableParams({ ...spec, pageSizes: [20, 100] }, { size: "10" }).pageSize).toBe(20);
  });

  it("ignores unknown sort columns and directions", () => {
    expect(parse("sort=password&dir=sideways").sort).toEqual(defaults.sort);
    expect(parse("sort=__proto__").sort).toEqual(defaults.sort);
    expect(parse("sort=CUSTOMER").sort).toEqual(defaults.sort);
  });

  it("drops unknown filter values and keeps the spec's order without duplicates", () => {
    expect(parse("status=bogus").filters).toEqual({});
    expect(parse("status=expired,bogus,pending,pending").filters).toEqual({ status: ["pending", "expired"] });
    expect(parse("status=%20accepted%20,").filters).toEqual({ status: ["accepted"] });
    expect(parse("unknown=pending").filters).toEqual({});
  });

  it("takes the first of repeated single-valued params and merges repeated filters", () => {
    expect(parse("page=2&page=7&sort=amount&sort=customer&q=one&q=two")).toMatchObject({
      page: 2,
      sort: { id: "amount", desc: false },
      q: "one",
    });
    expect(parse("status=pending&status=expired,accepted").filters).toEqual({ status: ["pending", "accepted", "expired"] });
    expect(parseTableParams(spec, { page: [] }).page).toBe(1);
  });

  it("never throws on values Next would not send", () => {
    // JSON.parse stands in for a caller that trusted its input's type.
    const hostile: RawSearchParams = JSON.parse('{"page":5,"size":null,"sort":{},"status":[1,2],"q":["",3]}');
    expect(parseTableParams(spec, hostile)).toEqual(defaults);
    const inherited: RawSearchParams = Object.create({ page: "4", q: "from the prototype" });
    expect(parseTableParams(spec, inherited)).toEqual(defaults);
  });

  it("trims q and caps it at 100 characters, even at 2 MB", () => {
    expect(parse("q=%20%20acme%20%20").q).toBe("acme");
    expect(parse("q=%20%20%20").q).toBe("");
    const huge = parseTableParams(spec, { q: "x".repeat(2 * 1024 * 1024) });
    expect(huge.q).toBe("x".repeat(MAX_QUERY_LENGTH));
    expect(parseTableParams(spec, { q: "😀".repeat(150) }).q).toBe("😀".repeat(MAX_QUERY_LENGTH));
  });

  it("ignores q when the spec has no search", () => {
    expect(parseTableParams({ ...spec, search: false }, { q: "acme" }).q).toBe("");
  });

  it("survives a 2 MB filter value", () => {
    const big = parseTableParams(spec, { status: "pending," + "x,".repeat(1024 * 1024) });
    expect(big.filters).toEqual({ status: ["pending"] });
  });
});

describe("toSearchParams", () => {
  it("leaves every default out", () => {
    expect(toSearchParams(defaults, spec).toString()).toBe("");
  });

  it("writes only what differs", () => {
    const params = { ...defaults, page: 2, sort: { id: "createdAt" as const, desc: false } };
    expect(toSearchParams(params, spec).toString()).toBe("page=2&dir=asc");
    expect(toSearchParams({ ...defaults, sort: { id: "amount", desc: false } }, spec).toString()).toBe("sort=amount");
    expect(toSearchParams({ ...defaults, filters: { status: ["pending", "accepted"] } }, spec).get("status")).toBe(
      "pending,accepted",
    );
  });

  it("round-trips through parseTableParams", () => {
    const params = {
      page: 4,
      pageSize: 50,
      sort: { id: "amount" as const, desc: true },
      filters: { status: ["accepted", "expired"], currency: ["USD"] },
      q: "blue harbor & co, 50%",
    };
    expect(parse(toSearchParams(params, spec).toString())).toEqual(params);
  });

  it("round-trips any parsed state (property)", () => {
    const arbitraryQuery = fc.dictionary(
      fc.constantFrom("page", "size", "sort", "dir", "status", "currency", "q", "other"),
      fc.oneof(fc.string(), fc.constantFrom("2", "25", "amount", "customer", "desc", "asc", "pending,expired", "EUR")),
    );
    fc.assert(
      fc.property(arbitraryQuery, (raw) => {
        const parsed = parseTableParams(spec, raw);
        expect(parse(toSearchParams(parsed, spec).toString())).toEqual(parsed);
      }),
    );
  });

  it("names exactly the params it may write", () => {
    expect(tableParamNames(spec).sort()).toEqual(["currency", "dir", "page", "q", "size", "sort", "status"]);
  });
});

describe("pageCount and offsetOf", () => {
  it("always offers at least one page", () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
    expect(pageCount(57, 10)).toBe(6);
    expect(pageCount(5, 0)).toBe(1);
    expect(pageCount(Number.NaN, 10)).toBe(1);
  });

  it("computes the SQL offset", () => {
    expect(offsetOf({ page: 1, pageSize: 25 })).toBe(0);
    expect(offsetOf({ page: 3, pageSize: 10 })).toBe(20);
  });
});

describe("a second table on one page", () => {
  it("reads and writes only its own prefixed params", async () => {
    const { toSearchParams, tableParamNames } = await import("@/lib/tables/params");
    const { parseTableParams } = await import("@/lib/tables/parse");
    const spec = { sortable: ["started"], defaultSort: { id: "started", desc: true }, filters: { status: ["running", "completed"] }, search: true, prefix: "runs." } as const;
    const params = parseTableParams(spec, { page: "3", "runs.page": "2", "runs.status": "completed", q: "other", "runs.q": "2026-11" });
    expect(params).toMatchObject({ page: 2, filters: { status: ["completed"] }, q: "2026-11" });
    expect(toSearchParams(params, spec).toString()).toBe("runs.page=2&runs.status=completed&runs.q=2026-11");
    expect(tableParamNames(spec)).toEqual(["runs.page", "runs.size", "runs.sort", "runs.dir", "runs.status", "runs.q"]);
  });
});

describe("a keyset table", () => {
  const keyset = { sortable: ["period"], defaultSort: { id: "period", desc: true }, keyset: true } as const;

  it("reads the cursor of Next or Previous, only past page 1", () => {
    expect(parseTableParams(keyset, { page: "3", after: "2026-05~chg_abc" }).cursor).toEqual({ dir: "after", key: "2026-05~chg_abc" });
    expect(parseTableParams(keyset, { page: "3", before: "2026-05~chg_abc" }).cursor).toEqual({ dir: "before", key: "2026-05~chg_abc" });
    expect(parseTableParams(keyset, { page: "3", after: "a", before: "b" }).cursor).toEqual({ dir: "after", key: "a" });
    expect(parseTableParams(keyset, { after: "2026-05~chg_abc" }).cursor).toBeNull();
    // Tables without keyset paging never carry one.
    expect(parseTableParams(spec, { page: "3", after: "x" })).not.toHaveProperty("cursor");
  });

  it("drops a cursor it could not have written", () => {
    for (const bad of ["", "a b", "x'--", "<script>", "a".repeat(MAX_CURSOR_LENGTH + 1), "2026-05~chg_\u0000"]) {
      expect(parseTableParams(keyset, { page: "3", after: bad }).cursor).toBeNull();
    }
    expect(parseTableParams(keyset, { page: "3", after: ["2026-05~a", "2026-06~b"] }).cursor).toEqual({ dir: "after", key: "2026-05~a" });
  });

  it("round-trips the cursor and owns its params", () => {
    const params = parseTableParams(keyset, { page: "4", size: "25", before: "2026-05~chg_abc" });
    expect(toSearchParams(params, keyset).toString()).toBe("page=4&size=25&before=2026-05%7Echg_abc");
    expect(parseTableParams(keyset, Object.fromEntries(toSearchParams(params, keyset)))).toEqual(params);
    expect(toSearchParams({ ...params, page: 1 }, keyset).toString()).toBe("size=25");
    expect(tableParamNames(keyset)).toEqual(["page", "size", "sort", "dir", "after", "before"]);
  });
});
