"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { TextField } from "@/components/forms/form-fields";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { approveOpportunityAction, rejectOpportunityAction } from "@/lib/deals/actions";
import { dealUnitPrices } from "@/lib/deals/pricing";
import type { ApproveOpportunityInput } from "@/lib/deals/validations";
import { bpsToPercent, formatMoney, percentToBps } from "@/lib/money";

export interface DecideProduct {
  id: string;
  name: string;
  currency: string;
  discountBps: number | null;
  dimensions: { unitName: string; unitPriceCents: number }[];
}

const loadSchema = loadOnce(() => import("@/lib/deals/validations").then((m) => m.approveOpportunitySchema));

const FIELDS = ["additionalDiscountPercent", "productIds", "startsOn", "endsOn"];

/** The ISV approves (with the marketplace details and a live wholesale preview) or rejects with a reason. */
export function DecidePanel({ opportunityId, products, minDate }: { opportunityId: string; products: DecideProduct[]; minDate: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const usable = products.filter((p) => p.discountBps !== null);
  const form = useForm({
    resolver: useLazyZodResolver(() =>
      loadSchema().then((schema) =>
        schema.superRefine((value, ctx) => {
          if (value.startsOn < minDate) ctx.addIssue({ code: "custom", path: ["startsOn"], message: "Choose today or a later day" });
        }),
      ),
    ),
    defaultValues: { opportunityId, additionalDiscountPercent: "", productIds: usable.map((p) => p.id), startsOn: minDate, endsOn: "" } satisfies ApproveOpportunityInput,
  });
  const discount = useWatch({ control: form.control, name: "additionalDiscountPercent" });
  const chosenIds = useWatch({ control: form.control, name: "productIds" });
  const bps = percentToBps(discount ?? "");
  const valid = bps !== null && bps > 0 && bps < 10_000;
  const chosen = usable.filter((p) => (Array.isArray(chosenIds) ? chosenIds : []).includes(p.id));

  async function approve(): Promise<boolean> {
    setFormError(null);
    const result = await approveOpportunityAction(form.getValues());
    if (!result.ok) {
      const message = applyServerErrors(result, form.setError, FIELDS);
      if (message) setFormError(message);
    }
    router.refresh();
    return true;
  }

  async function reject(): Promise<boolean> {
    setReasonError(null);
    const result = await rejectOpportunityAction({ opportunityId, reason });
    if (!result.ok) {
      setReasonError(result.fieldErrors?.reason?.[0] ?? result.error ?? "Something went wrong.");
      return false;
    }
    router.refresh();
    return true;
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Your decision</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={form.handleSubmit(() => setConfirming(true))} noValidate className="grid gap-5">
          {formError ? <Callout tone="error">{formError}</Callout> : null}
          <p className="text-sm text-muted">Approving sends the marketplace a discount request: your extra discount on the partner&apos;s wholesale price, for these products, between these dates.</p>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField form={form} name="additionalDiscountPercent" label="Additional discount (%)" inputMode="decimal" placeholder="5" hint="Off the partner's wholesale price." />
            <TextField form={form} name="startsOn" label="Start date" type="date" min={minDate} />
            <TextField form={form} name="endsOn" label="End date" type="date" min={minDate} hint="The customer can accept until the end of this day (UTC)." />
          </div>
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Products and the resulting wholesale price</legend>
            {products.map((p) => (
              <div key={p.id} className="rounded-md border border-line p-3">
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input type="checkbox" value={p.id} disabled={p.discountBps === null} {...form.register("productIds")} />
                  {p.name}
                  {p.discountBps !== null ? <span className="text-xs font-normal text-muted">partner&apos;s wholesale discount {bpsToPercent(p.discountBps)}%</span> : <span className="text-xs font-normal text-amber-800">the partner can no longer resell it</span>}
                </label>
                {p.discountBps !== null ? (
                  <table className="mt-2 w-full text-sm" aria-label={`Discount preview for ${p.name}`}>
                    <thead>
                      <tr className="text-left text-xs text-muted">
                        <th className="font-medium">Unit</th>
                        <th className="text-right font-medium">Wholesale / month</th>
                        <th className="text-right font-medium">With your discount</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dealUnitPrices(p.dimensions, p.discountBps, valid ? bps : 0).map((u) => (
                        <tr key={u.unitName}>
                          <td>{u.unitName}</td>
                          <td className="text-right tabular-nums">{formatMoney(u.wholesaleCents, p.currency)}</td>
                          <td className="text-right font-medium tabular-nums" data-testid={`preview-${p.name}-${u.unitName}`}>
                            {valid ? formatMoney(u.dealWholesaleCents, p.currency) : "—"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </div>
            ))}
            {form.formState.errors.productIds?.message ? <p className="text-xs font-medium text-red-600">{form.formState.errors.productIds.message}</p> : null}
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <Button type="submit">Review and approve</Button>
            <ConfirmDialog
              trigger={
                <Button type="button" variant="secondary">
                  Reject
                </Button>
              }
              title="Reject this opportunity?"
              description="The partner is told, with your reason. This cannot be undone."
              confirmLabel="Reject"
              destructive
              onConfirm={reject}
            >
              <label className="grid gap-1 text-sm">
                <span className="font-medium">Reason</span>
                <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} aria-invalid={Boolean(reasonError)} className="rounded-md border border-line px-3 py-2 text-sm" />
                {reasonError ? <span className="text-xs font-medium text-red-600">{reasonError}</span> : null}
              </label>
            </ConfirmDialog>
          </div>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Approve and send the discount request?"
            confirmLabel="Approve"
            onConfirm={approve}
            description={
              <div className="grid gap-1">
                <p>
                  An additional <strong>{valid ? bpsToPercent(bps) : "—"}%</strong> off wholesale for {chosen.map((p) => p.name).join(", ") || "—"}, acceptable from{" "}
                  {form.getValues("startsOn") || "—"} to {form.getValues("endsOn") || "—"}.
                </p>
                <p>The marketplace then asks the partner for its markup and extends the offer to the customer.</p>
              </div>
            }
          />
        </form>
      </CardContent>
    </Card>
  );
}
