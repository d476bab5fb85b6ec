"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { SelectField, TextAreaField, TextField } from "@/components/forms/form-fields";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { askForMarkupAction, cancelDiscountRequestAction, extendDealOfferAction } from "@/lib/deals/actions";
import type { DealOfferInput } from "@/lib/deals/validations";
import { bpsToPercent, formatMoney, type FeeTier } from "@/lib/money";
import { offerPrice } from "@/lib/offers/pricing";
import type { DiscountRequestStatus } from "@/lib/enums";

const loadDealOfferSchema = loadOnce(() => import("@/lib/deals/validations").then((m) => m.dealOfferSchema));

export interface RepProduct {
  id: string;
  name: string;
  currency: string;
  discountBps: number | null;
  dimensions: { id: string; unitName: string; unitPriceCents: number }[];
}

function useRun() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[] | undefined> }>, field?: string) => {
    setError(null);
    const result = await action();
    if (!result.ok) {
      setError((field ? result.fieldErrors?.[field]?.[0] : undefined) ?? result.error ?? "Something went wrong.");
      return false;
    }
    router.refresh();
    return true;
  };
  return { error, run, setError };
}

/** The rep's steps on a discount request: ask for the markup, key and extend the offer, or cancel. */
export function RepPanel({
  requestId,
  status,
  dealName,
  partnerName,
  customerName,
  additionalDiscountBps,
  markupBps,
  products,
  feeTiers,
}: {
  requestId: string;
  status: DiscountRequestStatus;
  dealName: string;
  partnerName: string;
  customerName: string;
  additionalDiscountBps: number;
  markupBps: number | null;
  products: RepProduct[];
  feeTiers: FeeTier[];
}) {
  const { error, run } = useRun();
  const cancel = useRun();
  const [reason, setReason] = useState("");
  const open = status === "submitted" || status === "awaiting_markup" || status === "markup_provided" || status === "offer_extended";
  if (!open) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Marketplace actions</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {error ? <Callout tone="error">{error}</Callout> : null}
        {status === "submitted" ? (
          <div className="grid gap-2">
            <p className="text-sm">The vendor approved this deal. Ask {partnerName} for its markup: it gets a task with the wholesale figures.</p>
            <div>
              <ConfirmDialog
                trigger={<Button>Ask the partner for its markup</Button>}
                title="Ask the partner for its markup?"
                description={`${partnerName} is notified and sees the deal's wholesale prices with an extra ${bpsToPercent(additionalDiscountBps)}% off.`}
                confirmLabel="Ask for markup"
                onConfirm={() => run(() => askForMarkupAction({ requestId }))}
              />
            </div>
          </div>
        ) : null}
        {status === "awaiting_markup" ? <Callout tone="info">Waiting for {partnerName}&apos;s markup. The partner has a task and a notification.</Callout> : null}
        {status === "markup_provided" && markupBps !== null ? (
          <OfferForm requestId={requestId} dealName={dealName} partnerName={partnerName} customerName={customerName} additionalDiscountBps={additionalDiscountBps} markupBps={markupBps} products={products} feeTiers={feeTiers} />
        ) : null}
        {status === "offer_extended" ? <Callout tone="info">The offer is with {customerName}. It can be accepted within the deal&apos;s dates.</Callout> : null}
        <div className="border-t border-line pt-4">
          {cancel.error ? <Callout tone="error" className="mb-2">{cancel.error}</Callout> : null}
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm">
                Cancel this request
              </Button>
            }
            title="Cancel this discount request?"
            description={status === "offer_extended" ? "The offer is withdrawn from the customer; the partner and the vendor are told, with your reason. This cannot be undone." : "The partner and the vendor are told, with your reason. This cannot be undone."}
            confirmLabel="Cancel request"
            destructive
            onConfirm={() => cancel.run(() => cancelDiscountRequestAction({ requestId, reason }), "reason")}
          >
            <label className="grid gap-1 text-sm">
              <span className="font-medium">Reason</span>
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} className="rounded-md border border-line px-3 py-2 text-sm" />
            </label>
          </ConfirmDialog>
        </div>
      </CardContent>
    </Card>
  );
}

function OfferForm({
  requestId,
  dealName,
  partnerName,
  customerName,
  additionalDiscountBps,
  markupBps,
  products,
  feeTiers,
}: {
  requestId: string;
  dealName: string;
  partnerName: string;
  customerName: string;
  additionalDiscountBps: number;
  markupBps: number;
  products: RepProduct[];
  feeTiers: FeeTier[];
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    resolver: useLazyZodResolver(loadDealOfferSchema),
    defaultValues: {
      requestId,
      name: dealName,
      durationMonths: "12",
      billing: "monthly",
      terms: "",
      items: products.map((p) => ({ productId: p.id, quantities: p.dimensions.map((d) => ({ dimensionId: d.id, quantity: "0" })) })),
    } satisfies DealOfferInput,
  });
  const watched = useWatch({ control: form.control });
  const months = Number(watched.durationMonths);
  const billing = watched.billing === "upfront" ? "upfront" : "monthly";
  const prices = products.map((p, i) => {
    if (p.discountBps === null || !Number.isInteger(months) || months < 1 || months > 60) return null;
    const quantities = watched.items?.[i]?.quantities ?? [];
    const dims = p.dimensions.map((d, j) => ({ quantity: Math.max(0, Math.min(1_000_000, Number.parseInt(String(quantities[j]?.quantity ?? "0"), 10) || 0)), unitPriceCents: d.unitPriceCents }));
    return offerPrice({ dimensions: dims, durationMonths: months, billing, discountBps: p.discountBps, additionalDiscountBps, markupBps, feeTiers });
  });
  const total = (pick: (price: NonNullable<(typeof prices)[number]>) => number) => prices.reduce((s, p) => s + (p ? pick(p) : 0), 0);
  const currency = products[0]?.currency ?? "USD";
  const fields = ["name", "durationMonths", "billing", "terms", ...products.flatMap((p, i) => p.dimensions.map((_, j) => `items.${i}.quantities.${j}.quantity`))];

  async function extend(): Promise<boolean> {
    setFormError(null);
    const result = await extendDealOfferAction(form.getValues());
    if (!result.ok) {
      const message = applyServerErrors(result, form.setError, fields);
      if (message) setFormError(message);
    }
    router.refresh();
    return true;
  }

  return (
    <form onSubmit={form.handleSubmit(() => setConfirming(true))} noValidate className="grid gap-4">
      <p className="text-sm">
        {partnerName} gave a {bpsToPercent(markupBps)}% markup. Key the offer on its behalf: single use, for {customerName} only, acceptable only within the deal&apos;s dates.
      </p>
      {formError ? <Callout tone="error">{formError}</Callout> : null}
      <TextField form={form} name="name" label="Offer name" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="durationMonths" label="Contract length (months)" inputMode="numeric" />
        <SelectField
          form={form}
          name="billing"
          label="Billing"
          options={[
            { value: "monthly", label: "Monthly" },
            { value: "upfront", label: "Upfront, whole contract" },
          ]}
        />
      </div>
      {products.map((p, i) => (
        <fieldset key={p.id} className="grid gap-3 rounded-md border border-line p-3">
          <legend className="px-1 text-sm font-medium">{p.name}</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            {p.dimensions.map((d, j) => (
              <TextField key={d.id} form={form} name={`items.${i}.quantities.${j}.quantity`} label={`${d.unitName} (${formatMoney(d.unitPriceCents, p.currency)} public / month)`} inputMode="numeric" />
            ))}
          </div>
          {prices[i] ? (
            <p className="text-xs text-muted" data-testid={`rep-preview-${p.name}`}>
              Customer {formatMoney(prices[i].customerPerPeriodCents, p.currency)} {billing === "upfront" ? "upfront" : "per month"} · wholesale {formatMoney(prices[i].wholesaleTotalCents, p.currency)} over the contract · fee {bpsToPercent(prices[i].feeBps)}%
            </p>
          ) : null}
        </fieldset>
      ))}
      <TextAreaField form={form} name="terms" label="Seller's terms (optional)" rows={2} />
      <div className="rounded-md bg-slate-50 p-3 text-sm" data-testid="rep-offer-total">
        Over the contract: customer pays <strong>{formatMoney(total((p) => p.customerTotalCents), currency)}</strong>; vendor wholesale {formatMoney(total((p) => p.wholesaleTotalCents), currency)}; listing fee{" "}
        {formatMoney(total((p) => p.feeTotalCents), currency)}; partner margin {formatMoney(total((p) => p.partnerMarginCents), currency)}.
      </div>
      <div>
        <Button type="submit">Review and extend</Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Extend this offer to the customer?"
        confirmLabel="Extend offer"
        onConfirm={extend}
        description={
          <p>
            {customerName} receives {products.length === 1 ? "the offer" : `${products.length} offers, accepted together,`} from {partnerName} as seller of record: {formatMoney(total((p) => p.customerTotalCents), currency)} over the contract. Prices freeze now.
          </p>
        }
      />
    </form>
  );
}
