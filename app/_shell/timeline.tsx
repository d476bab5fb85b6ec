import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TimelineEntry } from "@/lib/audit/timeline";
import { instantOf } from "@/lib/dates";

/** An object's history: every recorded event on it, oldest first, with who and when. */
export function Timeline({ entries, description }: { entries: TimelineEntry[]; description?: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>{description ?? "Every change and attempt on record, from the append-only audit trail."}</CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted">Nothing recorded yet.</p>
        ) : (
          <ol className="grid gap-3 border-l border-line pl-4" aria-label="History">
            {entries.map((e) => (
              <li key={e.id} className="relative grid gap-0.5 text-sm" data-testid="timeline-entry">
                <span aria-hidden className={`absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full ${e.outcome === "denied" ? "bg-red-500" : e.outcome === "failure" ? "bg-amber-500" : "bg-brand-500"}`} />
                <span className="font-medium">
                  {e.what}
                  {e.outcome !== "success" ? (
                    <Badge tone={e.outcome === "denied" ? "bad" : "warn"} className="ml-2">
                      {e.outcome === "denied" ? "Denied" : "Failed"}
                    </Badge>
                  ) : null}
                </span>
                <span className="text-muted">
                  <span className="whitespace-nowrap">{instantOf(e.at)}</span> · {e.who}
                </span>
                {e.detail ? <span className="break-all font-mono text-xs text-muted">{e.detail}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
