// Reading a table's state from the URL (server side; the browser only writes it back with
// toSearchParams, so zod stays out of the client bundle of every table page).
import { z } from "zod";
import {
  MAX_CURSOR_LENGTH,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  defaultDesc,
  filterNames,
  pageSizesOf,
  paramsOf,
  type RawSearchParams,
  type TableCursor,
  type TableParams,
  type TableSpec,
} from "@/lib/tables/params";

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

// A row key as tables write it: letters, digits and a few separators, short.
const cursorKey = firstString.pipe(z.string().min(1).max(MAX_CURSOR_LENGTH).regex(/^[\w.~:-]+$/));

function truncate(value: string, maxCodePoints: number): string {
  // Bounded before Array.from so a 2 MB param costs nothing; code points so no surrogate is split.
  return value.length <= maxCodePoints ? value : Array.from(value.slice(0, maxCodePoints * 2)).slice(0, maxCodePoints).join("");
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

function read(searchParams: RawSearchParams, key: string): unknown {
  // Own keys only: "constructor" or "__proto__" must not reach the parser from the prototype.
  return Object.hasOwn(searchParams, key) ? searchParams[key] : undefined;
}

const page = positiveInt(MAX_PAGE).catch(1);
const filterValues = stringList.catch([]);
const search = query.catch("");

/**
 * A spec's own schemas (its sort ids, its page sizes), built on its first request and kept: building
 * zod schemas is most of what parsing costs (2.4% of a table page's CPU under load when every request
 * built its own).
 */
const specSchemas = new WeakMap<TableSpec<string, string>, { sort: z.ZodType<string>; pageSize: z.ZodType<number> }>();

function schemasOf<S extends string, F extends string>(spec: TableSpec<S, F>): { sort: z.ZodType<S>; pageSize: z.ZodType<number> } {
  const key = spec as unknown as TableSpec<string, string>;
  let schemas = specSchemas.get(key);
  if (!schemas) {
    const pageSizes = pageSizesOf(spec);
    schemas = {
      sort: firstString.pipe(z.custom<S>((value) => typeof value === "string" && isOneOf(spec.sortable, value))).catch(spec.defaultSort.id),
      pageSize: positiveInt(Number.MAX_SAFE_INTEGER)
        .refine((size) => pageSizes.includes(size))
        .catch(pageSizes[0]!),
    };
    specSchemas.set(key, schemas);
  }
  return schemas as { sort: z.ZodType<S>; pageSize: z.ZodType<number> };
}

export function parseTableParams<S extends string, F extends string>(
  spec: TableSpec<S, F>,
  searchParams: RawSearchParams,
): TableParams<S, F> {
  const PARAM = paramsOf(spec);
  const schemas = schemasOf(spec);
  const sortId = schemas.sort.parse(read(searchParams, PARAM.sort));
  const dir = direction.safeParse(read(searchParams, PARAM.dir));
  const prefix = spec.prefix ?? "";

  const filters: Partial<Record<F, string[]>> = {};
  for (const name of filterNames(spec)) {
    const allowed = spec.filters?.[name] ?? [];
    const requested = new Set(filterValues.parse(read(searchParams, `${prefix}${name}`)));
    // In the spec's order, so equal selections always make equal URLs.
    const values = allowed.filter((value) => requested.has(value));
    if (values.length > 0) filters[name] = values;
  }

  const pageNumber = page.parse(read(searchParams, PARAM.page));
  const params: TableParams<S, F> = {
    page: pageNumber,
    pageSize: schemas.pageSize.parse(read(searchParams, PARAM.size)),
    sort: { id: sortId, desc: dir.success ? dir.data === "desc" : defaultDesc(spec, sortId) },
    filters,
    q: spec.search ? search.parse(read(searchParams, PARAM.q)) : "",
  };
  if (spec.keyset) params.cursor = pageNumber > 1 ? parseCursor(searchParams, PARAM.after, PARAM.before) : null;
  return params;
}

function parseCursor(searchParams: RawSearchParams, afterParam: string, beforeParam: string): TableCursor | null {
  const after = cursorKey.safeParse(read(searchParams, afterParam));
  if (after.success) return { dir: "after", key: after.data };
  const before = cursorKey.safeParse(read(searchParams, beforeParam));
  return before.success ? { dir: "before", key: before.data } : null;
}
