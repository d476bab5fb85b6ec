// The table's body is rendered from each column's template without TanStack's row and cell objects
// (see renderCell): it must print what TanStack's own cells print, for every kind of column.
import { flexRender, useTable } from "@tanstack/react-table";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dataTableColumns, dataTableFeatures, type DataTableColumns } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { TableSpec } from "@/lib/tables/params";

interface Row {
  id: string;
  name: string;
  cents: number;
  note: string | null;
  tags: string[];
}

const col = dataTableColumns<Row>();
const COLUMNS: DataTableColumns<Row> = col.columns([
  // The default template: the value as text.
  col.accessor("name", { header: "Name" }),
  col.accessor("note", { header: "Note" }),
  // A template reading its value and the row.
  col.accessor("cents", { header: "Amount", meta: { align: "end", testId: "amount", className: "font-mono" }, cell: (c) => <b>{`${c.getValue()} for ${c.row.original.name}`}</b> }),
  col.accessor((r) => r.tags.length, { id: "tagCount", header: "Tags", cell: (c) => (c.getValue() === 0 ? "none" : c.renderValue()) }),
  col.display({ id: "open", header: "", cell: (c) => <a href={`/rows/${c.row.original.id}`}>Open</a> }),
]);

const ROWS: Row[] = [
  { id: "r1", name: "Alpha", cents: 1200, note: "first", tags: ["a", "b"] },
  { id: "r2", name: "Beta <b>", cents: 0, note: null, tags: [] },
  { id: "r3", name: "", cents: -5, note: "", tags: ["c"] },
];

const SPEC = { sortable: ["name"], defaultSort: { id: "name", desc: false } } as const satisfies TableSpec<"name", never>;
const PARAMS = { q: "", sort: { id: "name" as const, desc: false }, page: 1, pageSize: 10, filters: {}, cursor: null };

/** The body as TanStack's row model renders it: the path DataTable took before. */
function Reference() {
  const table = useTable({ features: dataTableFeatures, columns: COLUMNS, data: ROWS, getRowId: (r) => r.id, manualSorting: true, manualPagination: true });
  return (
    <table>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each body cell's inner HTML, row by row. */
function cells(html: string): string[][] {
  const body = /<tbody[^>]*>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) => td[1]!));
}

describe("DataTable body", () => {
  const html = renderToStaticMarkup(
    <AppRouterContext.Provider value={{} as never}>
      <DataTable columns={COLUMNS} rows={ROWS} total={ROWS.length} params={PARAMS} spec={SPEC} emptyState="none" getRowId={(r) => r.id} rowTestId="row" />
    </AppRouterContext.Provider>,
  );

  it("prints every cell as TanStack's own cells do", () => {
    const expected = cells(renderToStaticMarkup(<Reference />));
    expect(expected).toHaveLength(3);
    expect(expected[0]).toEqual(["Alpha", "first", "<b>1200 for Alpha</b>", "2", '<a href="/rows/r1">Open</a>']);
    expect(cells(html)).toEqual(expected);
  });

  it("heads each column with its text, the sorted one marked and sortable ones as buttons", () => {
    const heads = [...html.matchAll(/<th(?=[\s>])([^>]*)>([\s\S]*?)<\/th>/g)];
    expect(heads.map((h) => h[2]!.replace(/<[^>]+>/g, ""))).toEqual(["Name↑", "Note", "Amount", "Tags", ""]);
    expect(heads[0]![1]).toContain('aria-sort="ascending"');
    expect(heads[0]![2]).toContain("<button");
    expect(heads[1]![2]).not.toContain("<button");
    expect(heads[2]![1]).toContain("text-right");
  });

  it("keeps each column's alignment, classes and test id on its cells, and the row's test id", () => {
    const rows = [...html.matchAll(/<tr data-testid="row">([\s\S]*?)<\/tr>/g)];
    expect(rows).toHaveLength(3);
    const amount = /<td class="([^"]*)" data-testid="amount">/.exec(rows[0]![1]!);
    expect(amount?.[1]?.split(" ")).toEqual(expect.arrayContaining(["text-right", "font-mono"]));
    // Padding, borders and hover come from the table's own rules (.ui-table), not a class list per cell and row.
    expect(html).toMatch(/<table class="ui-table /);
    expect(amount?.[1]).not.toContain("px-3");
  });
});
