// The URL is the state of a server-driven table: the page parses it here, queries with the result,
// and the client table writes it back with toSearchParams. Anything a person can type into the
// address bar must come out as a valid state, so every field falls back to its default.
import { z } from "zod";

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
}

export interface TableParams<S extends string, F extends string> {
  /** 1-based. */
  page: number;
  pageSize: number;
  sort: { id: S; desc: boolean };
  /** Only filters with at least one allowed value are present. */
  filters: Partial<Record<F, string[]>>;
  q: string;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_PAGE_SIZES: readonly number[] = [10, 25, 50];
export const MAX_QUERY_LENGTH = 100;
// Far beyond any real table here, and small enough that the offset stays a safe integer.
const MAX_PAGE = 1_000_000;

const BASE_PARAM = { page: "page", size: "size", sort: "sort", dir: "dir", q: "q" } as const;

/** The URL param names of a table: the base names, behind its prefix if it has one. */
function paramsOf(spec: TableSpec<string, string>) {
  const prefix = spec.prefix ?? "";
  return { page: `${prefix}${BASE_PARAM.page}`, size: `${prefix}${BASE_PARAM.size}`, sort: `${prefix}${BASE_PARAM.sort}`, dir: `${prefix}${BASE_PARAM.dir}`, q: `${prefix}${BASE_PARAM.q}` };
}

// Next passes an array when a key repeats; for single-valued params the first one wins.
const firstString = z.union([z.string(), z.array(z.string()).min(1).transform((values) => values[0])]);

// Repeated keys and comma-separated values both add to a multi-valued filter.
const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => (Array.isArray(raw) ? raw : [raw]).flatMap((value) => value.split(",")).map((v) => v.trim()));

// Digits only: Number() would also accept "1e3", " 2", "0x10" and "".
const positiveInt = (max: number) =>
  firstString
    .pipe(z.string().regex(/^\d+$/))
    .transform(Number)
    .pipe(z.int().min(1).max(max));

const direction = firstString.pipe(z.enum(["asc", "desc"]));

const query = firstString.transform((value) => truncate(value.trim(), MAX_QUERY_LENGTH).trim());

function truncate(value: string, maxCodePoints: number): string {
  // Bounded before Array.from so a 2 MB param costs nothing; code points so no surrogate is split.
  return value.length <= maxCodePoints ? value : Array.from(value.slice(0, maxCodePoints * 2)).slice(0, maxCodePoints).join("");
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

function filterNames<F extends string>(spec: TableSpec<string, F>): F[] {
  return spec.filters ? (Object.keys(spec.filters) as F[]) : [];
}

/** The page sizes a table offers; the first is the default. */
export function pageSizesOf(spec: TableSpec<string, string>): readonly number[] {
  return spec.pageSizes && spec.pageSizes.length > 0 ? spec.pageSizes : DEFAULT_PAGE_SIZES;
}

/** The direction a column gets when the URL names it without `dir`. */
function defaultDesc<S extends string>(spec: TableSpec<S, string>, id: S): boolean {
  return id === spec.defaultSort.id ? spec.defaultSort.desc : false;
}

function read(searchParams: RawSearchParams, key: string): unknown {
  // Own keys only: "constructor" or "__proto__" must not reach the parser from the prototype.
  return Object.hasOwn(searchParams, key) ? searchParams[key] : undefined;
}

export function parseTableParams<S extends string, F extends string>(
  spec: TableSpec<S, F>,
  searchParams: RawSearchParams,
): TableParams<S, F> {
  const PARAM = paramsOf(spec);
  const pageSizes = pageSizesOf(spec);
  const sortId = firstString
    .pipe(z.custom<S>((value) => typeof value === "string" && isOneOf(spec.sortable, value)))
    .catch(spec.defaultSort.id)
    .parse(read(searchParams, PARAM.sort));
  const dir = direction.safeParse(read(searchParams, PARAM.dir));
  const prefix = spec.prefix ?? "";

  const filters: Partial<Record<F, string[]>> = {};
  for (const name of filterNames(spec)) {
    const allowed = spec.filters?.[name] ?? [];
    const requested = new Set(stringList.catch([]).parse(read(searchParams, `${prefix}${name}`)));
    // In the spec's order, so equal selections always make equal URLs.
    const values = allowed.filter((value) => requested.has(value));
    if (values.length > 0) filters[name] = values;
  }

  return {
    page: positiveInt(MAX_PAGE).catch(1).parse(read(searchParams, PARAM.page)),
    pageSize: positiveInt(Number.MAX_SAFE_INTEGER)
      .refine((size) => pageSizes.includes(size))
      .catch(pageSizes[0])
      .parse(read(searchParams, PARAM.size)),
    sort: { id: sortId, desc: dir.success ? dir.data === "desc" : defaultDesc(spec, sortId) },
    filters,
    q: spec.search ? query.catch("").parse(read(searchParams, PARAM.q)) : "",
  };
}

/** The URL params a table owns; the client replaces exactly these and keeps the rest. */
export function tableParamNames(spec: TableSpec<string, string>): string[] {
  const PARAM = paramsOf(spec);
  return [PARAM.page, PARAM.size, PARAM.sort, PARAM.dir, ...filterNames(spec).map((name) => `${spec.prefix ?? ""}${name}`), ...(spec.search ? [PARAM.q] : [])];
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
