"use client";
// Start a billing or disbursement run, then watch its progress row until it completes.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { startBillingRunAction, startDisbursementRunAction } from "@/lib/billing/actions";
import { formatMoney } from "@/lib/money";

interface RunState {
  status: "running" | "completed" | "failed";
  done: number;
  total: number;
  summary: Record<string, number> | null;
}

export function RunConsole({ kind, defaultPeriod }: { kind: "billing" | "disbursement"; defaultPeriod?: string }) {
  const router = useRouter();
  const [period, setPeriod] = useState(defaultPeriod ?? "");
  const [runId, setRunId] = useState<string | null>(null);
  const [run, setRun] = useState<RunState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch(`/api/jobs/${runId}`, { cache: "no-store" });
      if (stopped) return;
      if (response.ok) {
        const next = (await response.json()) as RunState;
        setRun(next);
        if (next.status !== "running") {
          router.refresh();
          return;
        }
      }
      setTimeout(poll, 300);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [runId, router]);

  const start = async () => {
    setError(null);
    setRun(null);
    const result = kind === "billing" ? await startBillingRunAction({ period }) : await startDisbursementRunAction({});
    if (result.ok) setRunId(result.data.runId);
    else setError(result.fieldErrors?.period?.[0] ?? result.error ?? "The run could not start.");
  };

  const percent = run && run.total ? Math.round((run.done / run.total) * 100) : run?.status === "completed" ? 100 : 0;
  const running = Boolean(runId) && (!run || run.status === "running");
  return (
    <div className="grid gap-4">
      {error ? <Callout tone="error">{error}</Callout> : null}
      <div className="flex flex-wrap items-end gap-3">
        {kind === "billing" ? (
          <div className="grid gap-1.5">
            <Label htmlFor="period">Period</Label>
            <Input id="period" type="month" value={period} onChange={(e) => setPeriod(e.target.value)} className="w-44" />
          </div>
        ) : null}
        <ConfirmDialog
          trigger={<Button disabled={running}>{kind === "billing" ? "Run billing" : "Run disbursements"}</Button>}
          title={kind === "billing" ? `Bill ${period || "this period"}?` : "Pay sellers now?"}
          description={
            kind === "billing"
              ? "Every active agreement due in the period is charged once and added to its customer's consolidated bill. Running it again adds nothing."
              : "Each seller with collected, unpaid-out shares on paid bills is paid, honouring its schedule. Sellers without complete banking are held."
          }
          confirmLabel={kind === "billing" ? "Run billing" : "Run disbursements"}
          onConfirm={start}
        />
      </div>
      {runId ? (
        <div className="grid gap-2" aria-live="polite">
          <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Run progress">
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-muted" data-testid="run-progress">
            {run ? `${run.status === "running" ? "Running" : run.status === "completed" ? "Completed" : "Failed"}: ${run.done} of ${run.total} ${kind === "billing" ? "agreements" : "sellers"} (${percent}%)` : "Starting…"}
          </p>
          {run?.status === "completed" && run.summary ? (
            <Callout tone="success" data-testid="run-summary">
              {kind === "billing"
                ? `${run.summary.chargesCreated ?? 0} charges created (${run.summary.chargesAlreadyThere ?? 0} already there) on ${run.summary.billsTouched ?? 0} bills, ${formatMoney(run.summary.billedCents ?? 0)} billed.`
                : `${formatMoney(run.summary.disbursedCents ?? 0)} paid out in ${run.summary.sellersPaid ?? 0} disbursements; ${run.summary.held ?? 0} sellers held, ${run.summary.notDue ?? 0} not due today.`}
            </Callout>
          ) : null}
          {run?.status === "failed" ? <Callout tone="error">The run failed part-way. Run it again: it resumes where it stopped and bills nothing twice.</Callout> : null}
        </div>
      ) : null}
    </div>
  );
}
