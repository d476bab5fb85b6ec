import type { Metadata } from "next";
import { RUN_STATE_LABELS, RUN_STATE_TONES } from "@/app/_billing/run-labels";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { instantOf } from "@/lib/dates";
import { listScheduledJobs } from "@/lib/jobs/scheduler";
import { ToggleScheduleButton } from "./toggle-button";

export const metadata: Metadata = { title: "Schedule" };

const STATE_LABELS = { never: "Not run yet", ...RUN_STATE_LABELS } as const;
const STATE_TONES = { never: "neutral", ...RUN_STATE_TONES } as const;

export default async function SchedulePage() {
  await requirePermission("schedule.manage");
  const jobs = await listScheduledJobs(getDb());
  return (
    <>
      <PageHeader
        title="Schedule"
        description="The money cycle runs by itself: every instance of the portal ticks, and each slot runs once. Times are UTC. A paused job skips its slots until resumed."
      />
      {jobs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-sm text-muted">
          No scheduled jobs yet: they are created when a portal instance with the scheduler on starts (PORTAL_SCHEDULER=1, the default).
        </p>
      ) : (
        <div className="grid gap-4">
          {jobs.map((job) => (
            <Card key={job.name} data-testid={`schedule-${job.name}`}>
              <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
                <div className="grid gap-1">
                  <CardTitle>
                    {job.title}{" "}
                    {job.paused ? (
                      <Badge tone="warn" data-testid="schedule-paused">
                        Paused
                      </Badge>
                    ) : (
                      <Badge tone="good">Active</Badge>
                    )}
                  </CardTitle>
                  <CardDescription>{job.description}</CardDescription>
                </div>
                <ToggleScheduleButton name={job.name} title={job.title} paused={job.paused} />
              </CardHeader>
              <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-4">
                <Facts
                  items={[
                    ["Cron (UTC)", <code key="cron" className="font-mono text-xs">{job.cron}</code>],
                    ["Next run", job.paused ? "paused" : instantOf(job.nextRunAt), `schedule-next-${job.name}`],
                    ["Last run", job.lastStartedAt ? instantOf(job.lastStartedAt) : "never"],
                    [
                      "Result",
                      <span key="state" className="grid gap-1">
                        <Badge tone={STATE_TONES[job.state]} className="w-fit">
                          {STATE_LABELS[job.state]}
                        </Badge>
                        {job.lastResult ? <span className="text-sm">{job.lastResult}</span> : null}
                      </span>,
                    ],
                  ]}
                />
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
