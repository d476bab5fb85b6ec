// Column definitions for <DataTable>. TanStack v9 types columns by the table's feature set, so
// every table in the portal shares this one set and its column helper.
import {
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** "end" right-aligns the header and cells: amounts and counts. */
  align?: "start" | "end";
  /** Extra classes for this column's cells, e.g. a width or `font-mono`. */
  className?: string;
  /** data-testid of this column's cells (browser tests read figures by it). */
  testId?: string;
}

// No sorted or paginated row models: the server sorts and pages, TanStack only holds the state.
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumns<TRow extends RowData> = ReadonlyArray<ColumnDef<DataTableFeatures, TRow>>;

/**
 * The column helper for a row type. Wrap the list in `helper.columns([...])` so each column keeps its
 * own value type, and define it at module scope (or memoize it): a new array every render makes
 * TanStack rebuild every column.
 *
 * A column is sortable when its id is in the table spec's `sortable` list; the id is the accessor key
 * unless `id` is given.
 */
export function dataTableColumns<TRow extends RowData>() {
  return createColumnHelper<DataTableFeatures, TRow>();
}
