import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/db/enums";
import { requirePermission } from "@/lib/auth/guard";
import { instantOf } from "@/lib/dates";
import { eventType } from "@/lib/outbox/events";
import { listDeliveries, OUTBOX_COUNT_CAP, outboxCounts, parseCursor, parseStatus } from "@/lib/outbox/queries";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Outbox" };

const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: "Pending", delivered: "Delivered", failed: "Failed" };
const STATUS_TONES = { pending: "warn", delivered: "good", failed: "bad" } as const;

const counted = new Intl.NumberFormat("en-US");
/** A count read up to the cap and one past it: "10,000+" past the cap. */
const shown = (n: number) => (n > OUTBOX_COUNT_CAP ? `${counted.format(OUTBOX_COUNT_CAP)}+` : counted.format(n));

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; before?: string }> }) {
  await requirePermission("backoffice.view");
  const params = await searchParams;
  const status = parseStatus(params.status);
  const before = parseCursor(params.before);
  const db = getDb();
  const [counts, { rows, next }] = await Promise.all([outboxCounts(db), listDeliveries(db, { status, before })]);
  const href = (s: DeliveryStatus | null, cursor?: string) => {
    const query = new URLSearchParams();
    if (s) query.set("status", s);
    if (cursor) query.set("before", cursor);
    const text = query.toString();
    return `/marketplace/outbox${text ? `?${text}` : ""}`;
  };
  const chip = "rounded-full border border-line px-3 py-1 text-sm hover:bg-slate-50";
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every event is written with the change that caused it and delivered afterwards, by whichever portal instance gets to it first: an e-mail to each user of the account who wants it. Failed sends retry with growing delays for up to 3 days."
      />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Events waiting to be fanned out" value={shown(counts.waiting)} />
        <Stat label="Deliveries pending" value={shown(counts.pending)} />
        <Stat label="Deliveries failed" value={shown(counts.failed)} />
      </div>
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Filter by status">
        <Link className={cn(chip, !status && "bg-slate-100 font-medium")} href={href(null)}>
          All
        </Link>
        {DELIVERY_STATUSES.map((s) => (
          <Link key={s} className={cn(chip, status === s && "bg-slate-100 font-medium")} href={href(s)}>
            {STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">
          {before ? "No older deliveries." : status ? `No ${STATUS_LABELS[status].toLowerCase()} deliveries.` : "Nothing delivered yet. Deliveries appear here once parties start inviting, offering, billing and paying."}
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Created</TableHead>
              <TableHead>Event</TableHead>
              <TableHead>Recipient</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Attempts</TableHead>
              <TableHead>Last error</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="outbox-row">
                <TableCell className="whitespace-nowrap">{instantOf(row.createdAt)}</TableCell>
                <TableCell>
                  <span className="grid">
                    {row.mailId ? (
                      <Link className="text-brand-700 underline" href={`/marketplace/mail/${row.mailId}`}>
                        {row.title}
                      </Link>
                    ) : (
                      row.title
                    )}
                    <span className="text-xs text-muted">
                      {eventType(row.kind).label} · {row.channel === "email" ? "E-mail" : "Webhook"}
                    </span>
                  </span>
                </TableCell>
                <TableCell>{row.recipient ?? "—"}</TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status]}</Badge>
                  {row.status === "pending" && row.attempts > 0 ? <span className="block text-xs text-muted">next try {instantOf(row.nextAttemptAt)}</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.attempts}</TableCell>
                <TableCell className="max-w-xs truncate text-xs text-muted" title={row.lastError ?? undefined}>
                  {row.lastError ? `${row.responseCode ? `${row.responseCode} ` : ""}${row.lastError}` : "—"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav className="flex justify-end gap-2 pt-3 text-sm" aria-label="Pages">
        {before ? (
          <Link className="rounded-md border border-line px-3 py-1 hover:bg-slate-50" href={href(status)}>
            Newest
          </Link>
        ) : null}
        {next ? (
          <Link className="rounded-md border border-line px-3 py-1 hover:bg-slate-50" href={href(status, next)} rel="next">
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
