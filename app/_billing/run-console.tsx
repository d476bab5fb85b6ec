"use client";
// Start a billing or disbursement run (or finish an interrupted one), then watch
// its progress row until it ends. The run itself works in a worker process on
// the server; this only polls.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { startBillingRunAction, startDisbursementRunAction } from "@/lib/billing/actions";
import type { RunState } from "@/lib/jobs/lease";
import { RUN_STATE_LABELS, summarizeRun } from "./run-labels";

interface RunProgress {
  state: RunState;
  done: number;
  total: number;
  summary: Record<string, number> | null;
  takeovers: number;
  error: string | null;
}

export interface OpenRun extends RunProgress {
  id: string;
  period: string | null;
}

export function RunConsole({ kind, defaultPeriod, latestPeriod, openRun }: { kind: "billing" | "disbursement"; defaultPeriod?: string; latestPeriod?: string; openRun: OpenRun | null }) {
  const router = useRouter();
  const [period, setPeriod] = useState(openRun?.period ?? defaultPeriod ?? "");
  const [runId, setRunId] = useState<string | null>(openRun?.state === "running" ? openRun.id : null);
  const [run, setRun] = useState<RunProgress | null>(openRun?.state === "running" ? openRun : null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch(`/api/jobs/${runId}`, { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (response?.ok) {
        const next = (await response.json()) as RunProgress;
        setRun(next);
        if (next.state !== "running") {
          router.refresh();
          return;
        }
      }
      setTimeout(poll, 500);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [runId, router]);

  const start = async () => {
    setError(null);
    setNote(null);
    setRun(null);
    const result = kind === "billing" ? await startBillingRunAction({ period }) : await startDisbursementRunAction({});
    if (!result.ok) {
      setError(result.fieldErrors?.period?.[0] ?? result.error ?? "The run could not start.");
      return;
    }
    if (result.data.alreadyRunning) setNote("A run was already in progress; you are following it.");
    else if (result.data.tookOver) setNote("This run takes over the interrupted one and finishes it from where it stopped.");
    setRunId(result.data.runId);
  };

  const percent = run && run.total ? Math.round((run.done / run.total) * 100) : run?.state === "completed" ? 100 : 0;
  const running = Boolean(runId) && (!run || run.state === "running");
  const interrupted = !runId && openRun?.state === "interrupted" ? openRun : null;
  const periodError = kind === "billing" && latestPeriod && period > latestPeriod ? `${period} has not begun: a period can be billed from its first day.` : null;
  const unit = kind === "billing" ? "agreements" : "sellers";
  return (
    <div className="grid gap-4">
      {interrupted ? (
        <Callout tone="warn" data-testid="run-interrupted">
          A {kind} run{interrupted.period ? ` for ${interrupted.period}` : ""} was interrupted at {interrupted.done} of {interrupted.total} {unit}: the process running it ended. Run it again to finish
          it from where it stopped; nothing is {kind === "billing" ? "billed" : "paid"} twice.
        </Callout>
      ) : null}
      {error ? <Callout tone="error">{error}</Callout> : null}
      {note ? <Callout tone="info">{note}</Callout> : null}
      <div className="flex flex-wrap items-end gap-3">
        {kind === "billing" ? (
          <div className="grid gap-1.5">
            <Label htmlFor="period">Period</Label>
            <Input
              id="period"
              type="month"
              value={period}
              max={latestPeriod}
              onChange={(e) => setPeriod(e.target.value)}
              className="w-44"
              aria-invalid={Boolean(periodError)}
              aria-describedby={periodError ? "period-error" : undefined}
            />
            {periodError ? (
              <p id="period-error" className="text-xs text-red-700">
                {periodError}
              </p>
            ) : null}
          </div>
        ) : null}
        <ConfirmDialog
          trigger={
            <Button disabled={running || Boolean(periodError) || (kind === "billing" && !period)}>
              {interrupted ? "Finish the interrupted run" : kind === "billing" ? "Run billing" : "Run disbursements"}
            </Button>
          }
          title={kind === "billing" ? `Bill ${period || "this period"}?` : "Pay sellers now?"}
          description={
            kind === "billing"
              ? "Every active agreement due in the period is charged once and added to its customer's open bill (a bill already paid gets a supplementary bill instead). Running it again adds nothing."
              : "Each seller whose payout is due is paid its collected shares, once. Sellers without complete registration are held; monthly sellers wait for their day."
          }
          confirmLabel={interrupted ? "Finish the run" : kind === "billing" ? "Run billing" : "Run disbursements"}
          onConfirm={start}
        />
      </div>
      {runId ? (
        <div className="grid gap-2" aria-live="polite">
          <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Run progress">
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-muted" data-testid="run-progress">
            {run ? `${RUN_STATE_LABELS[run.state]}: ${run.done} of ${run.total} ${unit} (${percent}%)` : "Starting…"}
          </p>
          {run?.state === "completed" && run.summary ? (
            <Callout tone="success" data-testid="run-summary">
              {summarizeRun(kind, run.summary)}
            </Callout>
          ) : null}
          {run?.state === "interrupted" ? <Callout tone="warn">The run stopped: the process running it ended. Run it again to finish it; nothing is done twice.</Callout> : null}
          {run?.state === "failed" ? <Callout tone="error">The run failed{run.error ? `: ${run.error}` : ""}. Run it again: it continues where it stopped.</Callout> : null}
        </div>
      ) : null}
    </div>
  );
}
