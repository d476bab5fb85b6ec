"use client";
// Runs of one kind as the portal's one table, each in the state its lease tells.
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/columns";
import { Badge } from "@/components/ui/badge";
import type { RunView } from "@/lib/billing/queries";
import { RUNS_TABLE } from "@/lib/billing/table";
import type { TableParams } from "@/lib/tables/params";
import { RUN_STATE_LABELS, RUN_STATE_TONES, summarizeRun, TRIGGER_LABELS } from "./run-labels";

const utc = (d: Date) => `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC`;

const col = dataTableColumns<RunView>();
const COLUMNS = col.columns([
  col.accessor("startedAt", { id: "started", header: "Started", cell: (c) => <span className="whitespace-nowrap">{utc(c.getValue())}</span> }),
  col.accessor("period", { header: "Period", cell: (c) => c.getValue() ?? "—" }),
  col.accessor("trigger", { header: "Started by", cell: (c) => TRIGGER_LABELS[c.getValue()] }),
  col.accessor("state", {
    header: "State",
    meta: { testId: "run-state-cell" },
    cell: (c) => (
      <>
        <Badge tone={RUN_STATE_TONES[c.getValue()]} data-testid="run-state">
          {RUN_STATE_LABELS[c.getValue()]}
        </Badge>
        {c.row.original.takeovers ? <span className="block text-xs text-muted">resumed {c.row.original.takeovers}×</span> : null}
      </>
    ),
  }),
  col.accessor("done", { header: "Progress", meta: { align: "end" }, cell: (c) => <span className="tabular-nums">{`${c.getValue()}/${c.row.original.total}`}</span> }),
  col.accessor("summary", {
    header: "Result",
    meta: { className: "max-w-md" },
    cell: (c) => {
      const r = c.row.original;
      if (r.state === "interrupted") return `Stopped at ${r.done} of ${r.total}: the process running it ended. The next run takes it over and finishes it.`;
      if (r.state === "failed") return r.error ?? "Failed.";
      return summarizeRun(r.kind, r.summary);
    },
  }),
]);

const FILTERS = [{ id: "status" as const, label: "Status", options: [{ value: "running", label: "Running or interrupted" }, { value: "completed", label: "Completed" }, { value: "failed", label: "Failed" }] }];

export function RunsTable(props: { rows: RunView[]; total: number; params: TableParams<"started", "status"> }) {
  return (
    <DataTable
      {...props}
      columns={COLUMNS}
      spec={RUNS_TABLE}
      filters={FILTERS}
      label="Runs"
      getRowId={(r) => r.id}
      rowTestId="run-row"
      searchPlaceholder="Period, e.g. 2026-11"
      emptyState={<p>No runs yet. Start one above, or let the scheduler run it.</p>}
    />
  );
}
