"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ScheduledJobName } from "@/lib/enums";
import { pauseScheduledJobAction, resumeScheduledJobAction } from "@/lib/jobs/actions";

/** Pause or resume one scheduled job. */
export function ToggleScheduleButton({ name, title, paused }: { name: ScheduledJobName; title: string; paused: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      setError(null);
      const result = paused ? await resumeScheduledJobAction({ name }) : await pauseScheduledJobAction({ name });
      if (!result.ok) setError(result.error ?? "Could not change the schedule.");
      router.refresh();
    });
  return (
    <div className="grid justify-items-end gap-1">
      <Button variant="secondary" size="sm" onClick={toggle} disabled={pending} aria-label={`${paused ? "Resume" : "Pause"} ${title}`}>
        {pending ? "Saving…" : paused ? "Resume" : "Pause"}
      </Button>
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
