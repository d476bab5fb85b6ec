"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { TextField } from "@/components/forms/form-fields";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { updateFeeScheduleAction } from "@/lib/fees/actions";

const loadSchema = loadOnce(() => import("@/lib/fees/schema").then((m) => m.feeScheduleSchema));

export function FeeScheduleForm({ defaults, minDate }: { defaults: { fromDollars: string; percent: string }[]; minDate: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm({ resolver: useLazyZodResolver(loadSchema), defaultValues: { effectiveOn: "", tiers: defaults } });
  const tiers = useFieldArray({ control: form.control, name: "tiers" });
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(null);
      const result = await updateFeeScheduleAction(values);
      if (result.ok) {
        setMessage({ tone: "success", text: `New schedule saved; it applies to offers extended from ${result.data.effectiveFrom}.` });
        router.refresh();
      } else {
        const fields = ["effectiveOn", "tiers", ...values.tiers.flatMap((_, i) => [`tiers.${i}.fromDollars`, `tiers.${i}.percent`])];
        const text = applyServerErrors(result, form.setError, fields);
        if (text) setMessage({ tone: "error", text });
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {message ? <Callout tone={message.tone}>{message.text}</Callout> : null}
      <TextField form={form} name="effectiveOn" label="Takes effect on" type="date" min={minDate} />
      {tiers.fields.map((field, i) => (
        <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <TextField form={form} name={`tiers.${i}.fromDollars`} label={`Tier ${i + 1}: contracts from ($, at wholesale)`} inputMode="decimal" />
          <TextField form={form} name={`tiers.${i}.percent`} label="Listing fee (%)" inputMode="decimal" />
          <Button type="button" variant="ghost" size="sm" className="mt-6" disabled={tiers.fields.length === 1} onClick={() => tiers.remove(i)}>
            Remove
          </Button>
        </div>
      ))}
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => tiers.append({ fromDollars: "", percent: "" })}>
          Add a tier
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save new schedule"}
        </Button>
      </div>
    </form>
  );
}
