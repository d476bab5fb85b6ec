import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { checkPermission } from "@/lib/auth/authorize";
import { currentUser } from "@/lib/auth/guard";
import { jobRun } from "@/lib/billing/queries";

/** Progress of a run, for the console's progress bar (reps only). `state` is interrupted when the run's owner died. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  if (!(await checkPermission(getDb(), user, "billing.run", { type: "job_run", id }, user?.ip ?? null))) {
    return NextResponse.json({ error: "Not found" }, { status: 404 });
  }
  const run = await jobRun(getDb(), id);
  if (!run) return NextResponse.json({ error: "Not found" }, { status: 404 });
  return NextResponse.json(
    { id: run.id, kind: run.kind, period: run.period, state: run.state, done: run.done, total: run.total, summary: run.summary, takeovers: run.takeovers, error: run.error },
    { headers: { "Cache-Control": "no-store" } },
  );
}
