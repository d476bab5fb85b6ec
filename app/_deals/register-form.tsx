"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { SelectField, TextAreaField, TextField } from "@/components/forms/form-fields";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { registerOpportunityAction } from "@/lib/deals/actions";
import type { RegisterOpportunityInput } from "@/lib/deals/validations";

const loadSchema = loadOnce(() => import("@/lib/deals/validations").then((m) => m.registerOpportunitySchema));
import { formatMoney, parseMoneyToCents } from "@/lib/money";

export interface VendorChoice {
  isvAccountId: string;
  isvName: string;
  products: { id: string; name: string; currency: string }[];
}

const FIELDS = ["isvAccountId", "productIds", "customerAccountId", "name", "description", "expectedValue", "expectedCloseOn"];

export function RegisterOpportunityForm({ vendors, minDate, requestKey }: { vendors: VendorChoice[]; minDate: string; requestKey: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    resolver: useLazyZodResolver(() =>
      loadSchema().then((schema) =>
        schema.superRefine((value, ctx) => {
          if (value.expectedCloseOn < minDate) ctx.addIssue({ code: "custom", path: ["expectedCloseOn"], message: "Choose today or a later day" });
        }),
      ),
    ),
    defaultValues: {
      isvAccountId: vendors[0]?.isvAccountId ?? "",
      productIds: [],
      customerAccountId: "",
      name: "",
      description: "",
      expectedValue: "",
      expectedCloseOn: "",
      requestKey,
    } satisfies RegisterOpportunityInput,
  });
  const vendorId = useWatch({ control: form.control, name: "isvAccountId" });
  const vendor = vendors.find((v) => v.isvAccountId === vendorId);
  useEffect(() => {
    form.setValue("productIds", []);
  }, [vendorId, form]);
  const productError = form.formState.errors.productIds;

  async function register(): Promise<boolean> {
    setFormError(null);
    const result = await registerOpportunityAction(form.getValues());
    if (result.ok) {
      router.push(`/partner/opportunities/${result.data.opportunityId}?registered=1`);
      return true;
    }
    const message = applyServerErrors(result, form.setError, FIELDS);
    if (message) setFormError(message);
    return true;
  }

  const values = form.getValues();
  const chosen = vendor?.products.filter((p) => (values.productIds ?? []).includes(p.id)) ?? [];
  const cents = parseMoneyToCents(values.expectedValue ?? "");
  return (
    <form onSubmit={form.handleSubmit(() => setConfirming(true))} noValidate className="grid max-w-3xl gap-5">
      {formError ? <Callout tone="error">{formError}</Callout> : null}
      <SelectField form={form} name="isvAccountId" label="Vendor" options={vendors.map((v) => ({ value: v.isvAccountId, label: v.isvName }))} hint="Vendors that authorized you to resell." />
      <fieldset className="grid gap-2" aria-describedby={productError ? "productIds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Products</legend>
        {vendor?.products.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={p.id} {...form.register("productIds")} />
            {p.name}
          </label>
        ))}
        {productError?.message ? (
          <p id="productIds-error" className="text-xs font-medium text-red-600">
            {productError.message}
          </p>
        ) : null}
      </fieldset>
      <TextField form={form} name="customerAccountId" label="Customer account id" placeholder="1234-5678-9012" hint="The customer gives you its 12-digit account id." />
      <TextField form={form} name="name" label="Opportunity name" placeholder="Acme — data platform renewal" />
      <TextAreaField form={form} name="description" label="Description (business data)" hint="What the deal is about. It appears in your reports and the vendor's." rows={4} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="expectedValue" label="Expected value (USD)" inputMode="decimal" placeholder="120000" />
        <TextField form={form} name="expectedCloseOn" label="Expected close date" type="date" min={minDate} />
      </div>
      <div>
        <Button type="submit">Review and register</Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Register this opportunity?"
        confirmLabel="Register"
        onConfirm={register}
        description={
          <div className="grid gap-1">
            <p>
              <strong>{values.name}</strong> goes to <strong>{vendor?.isvName ?? "the vendor"}</strong> for approval.
            </p>
            <p>
              {chosen.map((p) => p.name).join(", ") || "—"} · expected {cents !== null ? formatMoney(cents, chosen[0]?.currency ?? "USD") : "—"} · close by {values.expectedCloseOn || "—"}
            </p>
          </div>
        }
      />
    </form>
  );
}
