"use client";
import { useState, useTransition } from "react";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { setEmailPreferencesAction } from "@/lib/outbox/actions";

export interface PreferenceGroup {
  topic: string;
  kinds: { kind: string; label: string; email: boolean }[];
}

/** A checkbox per event the user's role receives; saving stores the ones turned off. */
export function EmailPreferencesForm({ groups }: { groups: PreferenceGroup[] }) {
  const [enabled, setEnabled] = useState(() => new Set(groups.flatMap((g) => g.kinds.filter((k) => k.email).map((k) => k.kind))));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setMessage(null);
      const result = await setEmailPreferencesAction({ enabled: [...enabled] });
      setMessage(
        result.ok
          ? { tone: "success", text: result.data.off === 0 ? "Saved: every event below e-mails you." : `Saved: ${result.data.emailed} event${result.data.emailed === 1 ? "" : "s"} e-mail you, ${result.data.off} only notify you in the portal.` }
          : { tone: "error", text: result.error ?? "Could not save your choices." },
      );
    });
  };
  return (
    <form onSubmit={onSubmit} className="grid gap-5">
      {message ? <Callout tone={message.tone}>{message.text}</Callout> : null}
      {groups.map((group) => (
        <CheckboxGroup key={group.topic} legend={group.topic} options={group.kinds.map((k) => ({ value: k.kind, label: k.label }))} value={enabled} onChange={setEnabled} />
      ))}
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? "Saving…" : "Save e-mail choices"}
      </Button>
    </form>
  );
}
