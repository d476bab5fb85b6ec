// The URL is the state of a server-driven table: the page parses it (lib/tables/parse.ts, on the
// server, so no schema library reaches the browser), queries with the result, and the client table
// writes it back with toSearchParams. Anything a person can type into the address bar must come out
// as a valid state, so every field falls back to its default.

export interface TableSpec<S extends string, F extends string> {
  /** Column ids the server can sort by. */
  sortable: readonly S[];
  defaultSort: { id: S; desc: boolean };
  /** Enum filters: URL param name -> allowed values; several values are comma separated. */
  filters?: Record<F, readonly string[]>;
  /** Whether the free-text `q` param is read. */
  search?: boolean;
  /** The first one is the default. */
  pageSizes?: readonly number[];
  /** Prefix of every URL param ("runs." → runs.page, runs.sort…), for a second table on one page. */
  prefix?: string;
  /**
   * Whether Next and Previous page by the key of the last (first) row shown, in the URL as `after`
   * (`before`), so a deep page is one index seek instead of an OFFSET walk. The key is opaque here;
   * the query that reads it validates it, and a bad one falls back to the page number.
   */
  keyset?: boolean;
}

/** Rows strictly after (or before) the row with this key, in the table's order. */
export interface TableCursor {
  dir: "after" | "before";
  key: string;
}

export interface TableParams<S extends string, F extends string> {
  /** 1-based. */
  page: number;
  pageSize: number;
  sort: { id: S; desc: boolean };
  /** Only filters with at least one allowed value are present. */
  filters: Partial<Record<F, string[]>>;
  q: string;
  /** Only for a keyset table, and only when the URL carries one. */
  cursor?: TableCursor | null;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_PAGE_SIZES: readonly number[] = [10, 25, 50];
export const MAX_QUERY_LENGTH = 100;
export const MAX_CURSOR_LENGTH = 120;
// Far beyond any real table here, and small enough that the offset stays a safe integer.
export const MAX_PAGE = 1_000_000;

const BASE_PARAM = { page: "page", size: "size", sort: "sort", dir: "dir", q: "q", after: "after", before: "before" } as const;

/** The URL param names of a table: the base names, behind its prefix if it has one. */
export function paramsOf(spec: TableSpec<string, string>): Record<keyof typeof BASE_PARAM, string> {
  const prefix = spec.prefix ?? "";
  const out = {} as Record<keyof typeof BASE_PARAM, string>;
  for (const [name, param] of Object.entries(BASE_PARAM)) out[name as keyof typeof BASE_PARAM] = `${prefix}${param}`;
  return out;
}

export function filterNames<F extends string>(spec: TableSpec<string, F>): F[] {
  return spec.filters ? (Object.keys(spec.filters) as F[]) : [];
}

/** The page sizes a table offers; the first is the default. */
export function pageSizesOf(spec: TableSpec<string, string>): readonly number[] {
  return spec.pageSizes && spec.pageSizes.length > 0 ? spec.pageSizes : DEFAULT_PAGE_SIZES;
}

/** The direction a column gets when the URL names it without `dir`. */
export function defaultDesc<S extends string>(spec: TableSpec<S, string>, id: S): boolean {
  return id === spec.defaultSort.id ? spec.defaultSort.desc : false;
}

/** The URL params a table owns; the client replaces exactly these and keeps the rest. */
export function tableParamNames(spec: TableSpec<string, string>): string[] {
  const PARAM = paramsOf(spec);
  return [
    PARAM.page,
    PARAM.size,
    PARAM.sort,
    PARAM.dir,
    ...filterNames(spec).map((name) => `${spec.prefix ?? ""}${name}`),
    ...(spec.search ? [PARAM.q] : []),
    ...(spec.keyset ? [PARAM.after, PARAM.before] : []),
  ];
}

/** The inverse of parseTableParams, leaving out every value that is already the default. */
export function toSearchParams<S extends string, F extends string>(
  params: TableParams<S, F>,
  spec: TableSpec<S, F>,
): URLSearchParams {
  const PARAM = paramsOf(spec);
  const out = new URLSearchParams();
  if (params.page !== 1) out.set(PARAM.page, String(params.page));
  if (params.pageSize !== pageSizesOf(spec)[0]) out.set(PARAM.size, String(params.pageSize));
  if (params.sort.id !== spec.defaultSort.id) out.set(PARAM.sort, params.sort.id);
  if (params.sort.desc !== defaultDesc(spec, params.sort.id)) out.set(PARAM.dir, params.sort.desc ? "desc" : "asc");
  for (const name of filterNames(spec)) {
    const values = params.filters[name];
    if (values && values.length > 0) out.set(`${spec.prefix ?? ""}${name}`, values.join(","));
  }
  if (spec.search && params.q !== "") out.set(PARAM.q, params.q);
  // A cursor means nothing on page 1, which is always read from the top.
  if (spec.keyset && params.cursor && params.page > 1) out.set(PARAM[params.cursor.dir], params.cursor.key);
  return out;
}

/** Number of pages to offer; an empty result still has page 1. */
export function pageCount(total: number, pageSize: number): number {
  if (!Number.isFinite(total) || !(pageSize > 0)) return 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Rows to skip for the requested page (SQL OFFSET). */
export function offsetOf(params: { page: number; pageSize: number }): number {
  return (params.page - 1) * params.pageSize;
}
