// Server-rendered parts of every report page: the filter form (a plain GET form,
// so the filters live in the URL; the periods work without JavaScript, the
// product, partner and vendor pickers load their lists when opened), the totals row,
// and the export links that carry exactly the filters on screen.
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { describeRange, filterSearchParams, type ReportFilter } from "@/lib/reports/filters";
import type { ReportTotals } from "@/lib/reports/queries";
import type { Choice } from "@/lib/reports/choices";
import { ChoicePicker } from "./choice-picker";

const field = "grid gap-1 text-sm";
const control = "h-9 rounded-md border border-line bg-white px-2 text-sm";

/** Which pickers the form shows (a key present), each with its chosen value (null: all). */
export type ReportPickers = Partial<Record<"product" | "partner" | "isv", Choice | null>>;

const PICKERS = [
  { key: "product", kind: "products", label: "Product", all: "All products" },
  { key: "partner", kind: "partners", label: "Partner", all: "All partners", showAccount: true },
  { key: "isv", kind: "isvs", label: "Vendor (ISV)", all: "All vendors" },
] as const;

export function ReportFilters({ action, filter, pickers = {} }: { action: string; filter: ReportFilter; pickers?: ReportPickers }) {
  const set = filterSearchParams(filter).size > 0;
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Report filters" data-testid="report-filters">
      <div className={field}>
        <label htmlFor="report-from" className="text-xs font-medium text-muted">
          From period
        </label>
        <input type="month" id="report-from" name="from" defaultValue={filter.from ?? ""} className={control} />
      </div>
      <div className={field}>
        <label htmlFor="report-to" className="text-xs font-medium text-muted">
          To period
        </label>
        <input type="month" id="report-to" name="to" defaultValue={filter.to ?? ""} className={control} />
      </div>
      {PICKERS.map((p) =>
        p.key in pickers ? (
          <div key={p.key} className={field}>
            <label htmlFor={`report-${p.key}`} className="text-xs font-medium text-muted">
              {p.label}
            </label>
            <ChoicePicker name={p.key} label={p.label} all={p.all} kind={p.kind} chosen={pickers[p.key] ?? null} showAccount={"showAccount" in p && p.showAccount} />
          </div>
        ) : null,
      )}
      <button type="submit" className={buttonVariants({ size: "sm" })}>
        Apply filters
      </button>
      {set ? (
        <Link href={action} className="text-sm font-medium text-brand-700 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

/** The CSV links: the report as filtered, and (for sellers) the billing event feed. */
export function ExportLinks({ filter, feed }: { filter: ReportFilter; feed?: boolean }) {
  const query = filterSearchParams(filter).toString();
  const suffix = query ? `?${query}` : "";
  return (
    <div className="flex flex-wrap gap-2">
      <a href={`/api/reports/lines${suffix}`} className={buttonVariants({ variant: "secondary", size: "sm" })} download data-testid="export-lines">
        Download CSV
      </a>
      {feed ? (
        <a href={`/api/reports/feed${suffix}`} className={buttonVariants({ variant: "secondary", size: "sm" })} download data-testid="export-feed">
          Billing event feed (CSV)
        </a>
      ) : null}
    </div>
  );
}

export interface TotalItem {
  label: string;
  pick: (t: ReportTotals) => number;
  testId: string;
}

/** The totals row: every line under the filter (not just this page), per currency. */
export function ReportTotalsRow({ totals, items, filter }: { totals: readonly ReportTotals[]; items: readonly TotalItem[]; filter: ReportFilter }) {
  if (totals.length === 0) return null;
  return (
    <Card className="grid gap-3 p-4" data-testid="report-totals" aria-label="Totals">
      {totals.map((t) => (
        <div key={t.currency} className="grid gap-1">
          <p className="text-xs font-medium uppercase tracking-wide text-muted">
            Totals · {describeRange(filter)} · <span data-testid="report-line-count">{t.lines.toLocaleString("en-US")}</span> line{t.lines === 1 ? "" : "s"} · {t.currency}
          </p>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
            {items.map((item) => (
              <div key={item.label}>
                <dt className="text-xs text-muted">{item.label}</dt>
                <dd className="font-semibold tabular-nums" data-testid={t.currency === totals[0]!.currency ? item.testId : undefined}>
                  {formatMoney(item.pick(t), t.currency)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Card>
  );
}

export function ChartCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card className="grid gap-2 p-4">
      <div>
        <h2 className="text-sm font-semibold">{title}</h2>
        {description ? <p className="text-xs text-muted">{description}</p> : null}
      </div>
      {children}
    </Card>
  );
}
