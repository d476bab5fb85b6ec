import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunView } from "@/lib/billing/queries";
import { instantOf } from "@/lib/dates";
import { RUN_STATE_LABELS, RUN_STATE_TONES, summarizeRun, TRIGGER_LABELS } from "./run-labels";

/** Recent runs of one kind, newest first, each in the state its lease tells. */
export function RunsTable({ runs }: { runs: RunView[] }) {
  if (runs.length === 0) return <p className="text-sm text-muted">No runs yet. Start one above, or let the scheduler run it.</p>;
  return (
    <div className="overflow-x-auto">
      <Table aria-label="Recent runs">
        <TableHeader>
          <TableRow>
            <TableHead>Started</TableHead>
            <TableHead>Period</TableHead>
            <TableHead>Started by</TableHead>
            <TableHead>State</TableHead>
            <TableHead className="text-right">Progress</TableHead>
            <TableHead>Result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((r) => (
            <TableRow key={r.id} data-testid="run-row">
              <TableCell className="whitespace-nowrap">{instantOf(r.startedAt)}</TableCell>
              <TableCell>{r.period ?? "—"}</TableCell>
              <TableCell>{TRIGGER_LABELS[r.trigger]}</TableCell>
              <TableCell>
                <Badge tone={RUN_STATE_TONES[r.state]} data-testid="run-state">
                  {RUN_STATE_LABELS[r.state]}
                </Badge>
                {r.takeovers ? <span className="block text-xs text-muted">resumed {r.takeovers}×</span> : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {r.done}/{r.total}
              </TableCell>
              <TableCell className="max-w-md text-sm">
                {r.state === "interrupted"
                  ? `Stopped at ${r.done} of ${r.total}: the process running it ended. The next run takes it over and finishes it.`
                  : r.state === "failed"
                    ? (r.error ?? "Failed.")
                    : summarizeRun(r.kind, r.summary)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
