import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { instantOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import type { jobRuns } from "@/db/schema";

/** Recent runs of one kind, newest first. */
export function RunsTable({ runs }: { runs: (typeof jobRuns.$inferSelect)[] }) {
  if (runs.length === 0) return <p className="text-sm text-muted">No runs yet.</p>;
  return (
    <Table aria-label="Recent runs">
      <TableHeader>
        <TableRow>
          <TableHead>Started</TableHead>
          <TableHead>Period</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Progress</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{instantOf(r.startedAt)}</TableCell>
            <TableCell>{r.period ?? "—"}</TableCell>
            <TableCell>
              <Badge tone={r.status === "completed" ? "good" : r.status === "failed" ? "bad" : "info"}>{r.status}</Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {r.done}/{r.total}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {r.summary ? formatMoney(r.summary.billedCents ?? r.summary.disbursedCents ?? 0) : "—"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
