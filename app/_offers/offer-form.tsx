"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/form-fields";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { saveOfferDraftAction } from "@/lib/offers/actions";
import { offerPrice } from "@/lib/offers/pricing";
import type { SaveOfferInput } from "@/lib/offers/validations";
import { bpsToPercent, formatMoney, percentToBps, type FeeTier } from "@/lib/money";
import { PricePanel } from "./price-panel";

export interface OfferableOption {
  authorizationId: string;
  productId: string;
  productName: string;
  isvName: string;
  currency: string;
  discountBps: number;
  additionalTerms: string | null;
  eulaText: string;
  endsAt: string | null;
  dimensions: { id: string; unitName: string; unitPriceCents: number }[];
}

const loadSchema = loadOnce(() => import("@/lib/offers/validations").then((m) => m.saveOfferSchema));

const keyOf = (o: { authorizationId: string; productId: string }) => `${o.authorizationId}:${o.productId}`;

/** One form for creating and editing a draft offer, with the live price panel. */
export function OfferForm({ options, feeTiers, defaults, offerId, minDate }: { options: OfferableOption[]; feeTiers: FeeTier[]; defaults?: SaveOfferInput; offerId?: string; minDate: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const first = options[0];
  const form = useForm({
    resolver: useLazyZodResolver(loadSchema),
    defaultValues: defaults ?? {
      authorizationId: first?.authorizationId ?? "",
      productId: first?.productId ?? "",
      name: "",
      customerAccountId: "",
      quantities: first?.dimensions.map((d) => ({ dimensionId: d.id, quantity: 0 })) ?? [],
      durationMonths: 12,
      billing: "monthly",
      markupPercent: "",
      partnerTerms: "",
      expiresOn: "",
    },
  });
  const [authorizationId, productId, quantities, durationMonths, billing, markupPercent] = useWatch({
    control: form.control,
    name: ["authorizationId", "productId", "quantities", "durationMonths", "billing", "markupPercent"],
  });
  const selected = options.find((o) => o.authorizationId === authorizationId && o.productId === productId);

  const markupBps = percentToBps(String(markupPercent ?? ""));
  const months = Number(durationMonths);
  let price = null;
  if (selected && markupBps !== null && markupBps <= 100_000 && Number.isInteger(months) && months >= 1 && months <= 60) {
    const dims = selected.dimensions.map((d) => ({ quantity: Math.max(0, Math.trunc(Number(quantities?.find((q) => q.dimensionId === d.id)?.quantity ?? 0)) || 0), unitPriceCents: d.unitPriceCents }));
    if (dims.some((d) => d.quantity > 0)) {
      price = offerPrice({ dimensions: dims, durationMonths: months, billing: billing === "upfront" ? "upfront" : "monthly", discountBps: selected.discountBps, markupBps, feeTiers });
    }
  }

  const onSubmit = form.handleSubmit(() =>
    startTransition(async () => {
      setFormError(null);
      const result = await saveOfferDraftAction({ ...form.getValues(), offerId });
      if (result.ok) {
        router.push(`/partner/offers/${result.data.offerId}?saved=1`);
        router.refresh();
        return;
      }
      const fields = ["productId", "name", "customerAccountId", "durationMonths", "billing", "markupPercent", "partnerTerms", "expiresOn", "quantities", ...(quantities ?? []).map((_, i) => `quantities.${i}.quantity`)];
      setFormError(applyServerErrors(result, form.setError, fields));
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="grid gap-4">
        {formError ? <Callout tone="error">{formError}</Callout> : null}
        <Field id="product" label="Authorized product" error={form.formState.errors.productId?.message}>
          <select
            id="product"
            className="h-9 w-full rounded-md border border-line bg-white px-2 text-sm"
            value={selected ? keyOf(selected) : ""}
            onChange={(e) => {
              const option = options.find((o) => keyOf(o) === e.target.value);
              if (!option) return;
              form.setValue("authorizationId", option.authorizationId);
              form.setValue("productId", option.productId);
              form.setValue("quantities", option.dimensions.map((d) => ({ dimensionId: d.id, quantity: 0 })));
            }}
          >
            {options.map((o) => (
              <option key={keyOf(o)} value={keyOf(o)}>
                {o.productName} — {o.isvName} ({bpsToPercent(o.discountBps)}% off)
              </option>
            ))}
          </select>
        </Field>
        <TextField form={form} name="name" label="Offer name" placeholder="e.g. Acme — FY27 backup renewal" />
        <TextField form={form} name="customerAccountId" label="Customer account id" placeholder="1234-5678-9012" hint="The offer is visible to this customer alone." />
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Quantities</legend>
          {selected?.dimensions.map((d, index) => (
            <div key={d.id} className="grid grid-cols-[1fr_8rem] items-end gap-3">
              <p className="pb-2 text-sm">
                {d.unitName} <span className="text-muted">· {formatMoney(d.unitPriceCents, selected.currency)} public per unit per month</span>
              </p>
              <TextField form={form} name={`quantities.${index}.quantity`} label={`${d.unitName} quantity`} type="number" min={0} inputMode="numeric" />
            </div>
          ))}
          {form.formState.errors.quantities?.message || form.formState.errors.quantities?.root?.message ? (
            <p className="text-xs font-medium text-red-600">{form.formState.errors.quantities?.message ?? form.formState.errors.quantities?.root?.message}</p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField form={form} name="durationMonths" label="Contract (months)" type="number" min={1} max={60} />
          <SelectField
            form={form}
            name="billing"
            label="Billing"
            options={[
              { value: "monthly", label: "Monthly" },
              { value: "upfront", label: "Upfront" },
            ]}
          />
          <TextField form={form} name="markupPercent" label="Markup (%)" inputMode="decimal" placeholder="10" hint="On your wholesale cost, 0–1000%." />
        </div>
        <TextField form={form} name="expiresOn" label="Accept by" type="date" min={minDate} hint={selected?.endsAt ? `No later than ${selected.endsAt.slice(0, 10)}, when your authorization ends.` : undefined} />
        <TextAreaField form={form} name="partnerTerms" label="Your terms (optional)" rows={3} />
        {selected ? (
          <details className="rounded-md border border-line bg-white p-3 text-sm">
            <summary className="cursor-pointer font-medium">Vendor terms carried into the offer</summary>
            <p className="mt-2 whitespace-pre-wrap">{selected.additionalTerms || "No additional terms."}</p>
            <p className="mt-2 whitespace-pre-wrap text-slate-600">{selected.eulaText}</p>
          </details>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save draft"}
          </Button>
        </div>
      </div>
      <Card className="h-fit lg:sticky lg:top-20">
        <CardHeader>
          <CardTitle>Price panel</CardTitle>
        </CardHeader>
        <CardContent>
          <PricePanel price={price} currency={selected?.currency ?? "USD"} billing={billing === "upfront" ? "upfront" : "monthly"} durationMonths={months || 0} />
        </CardContent>
      </Card>
    </form>
  );
}
