"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { SelectField, TextAreaField, TextField } from "@/components/forms/form-fields";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatAccountId, parseAccountId } from "@/lib/account-id";
import { lookupPartnerAction, sendInvitationAction } from "@/lib/invitations/actions";
import { wholesaleByDimension } from "@/lib/invitations/pricing";
import type { SendInvitationInput } from "@/lib/invitations/validations";

const loadSchema = loadOnce(() => import("@/lib/invitations/validations").then((m) => m.sendInvitationSchema));
import { formatMoney, percentToBps } from "@/lib/money";
import type { ActionResult } from "@/lib/result";

export interface CatalogueProduct {
  id: string;
  name: string;
  currency: string;
  dimensions: { unitName: string; unitPriceCents: number }[];
}

function WholesalePreview({ product, discount }: { product: CatalogueProduct | undefined; discount: string | undefined }) {
  if (!product) return <p className="text-xs text-muted">Choose a product to see its prices.</p>;
  const bps = percentToBps(discount ?? "");
  const valid = bps !== null && bps > 0 && bps < 10_000;
  const rows = wholesaleByDimension(product.dimensions, valid ? bps : 0);
  return (
    <table className="w-full text-sm" aria-label={`Wholesale preview for ${product.name}`}>
      <thead>
        <tr className="text-left text-xs text-muted">
          <th className="font-medium">Unit</th>
          <th className="text-right font-medium">Public / month</th>
          <th className="text-right font-medium">Wholesale / month</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.unitName} data-preview-unit={r.unitName}>
            <td>{r.unitName}</td>
            <td className="text-right tabular-nums">{formatMoney(r.publicCents, product.currency)}</td>
            <td className="text-right font-medium tabular-nums" data-testid={`wholesale-${product.name}-${r.unitName}`}>
              {valid ? formatMoney(r.wholesaleCents, product.currency) : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SendInvitationForm({ catalogue, minDate, requestKey }: { catalogue: CatalogueProduct[]; minDate: string; requestKey: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<{ message: string; registration: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [partnerName, setPartnerName] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const form = useForm({
    // The server's schema, plus what only the browser knows here: today's date.
    resolver: useLazyZodResolver(() =>
      loadSchema().then((schema) =>
        schema.superRefine((value, ctx) => {
          if (value.expiresOn < minDate) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Choose an accept-by date from today on" });
        }),
      ),
    ),
    defaultValues: {
      partnerAccountId: "",
      items: [{ productId: catalogue[0]?.id ?? "", discountPercent: "", additionalTerms: "" }],
      expiresOn: "",
      endsOn: "",
      use: "multi_use",
      buyerAccountId: "",
      requestKey,
    } satisfies SendInvitationInput,
  });
  const items = useFieldArray({ control: form.control, name: "items" });
  const watched = useWatch({ control: form.control, name: "items" });
  const productOptions = catalogue.map((p) => ({ value: p.id, label: p.name }));
  const byId = new Map(catalogue.map((p) => [p.id, p]));

  const fieldNames = () => [
    "partnerAccountId",
    "expiresOn",
    "endsOn",
    "use",
    "buyerAccountId",
    "items",
    ...form.getValues("items").flatMap((_, i) => [`items.${i}.productId`, `items.${i}.discountPercent`, `items.${i}.additionalTerms`]),
  ];

  async function send(): Promise<boolean> {
    setFormError(null);
    // The raw input goes to the server, which parses it with the same schema.
    const result: ActionResult<{ invitationId: string }> = await sendInvitationAction(form.getValues());
    if (result.ok) {
      router.push(`/vendor/invitations/${result.data.invitationId}?sent=1`);
      return true;
    }
    const message = applyServerErrors(result, form.setError, fieldNames());
    if (message) setFormError({ message, registration: result.code === "registration_incomplete" });
    return true; // close the dialog; errors show on the form
  }

  const partnerId = parseAccountId(useWatch({ control: form.control, name: "partnerAccountId" }) ?? "");

  // Everything that can be checked is checked before the confirmation: the form here, the partner on the server.
  async function review() {
    setFormError(null);
    setChecking(true);
    const result = await lookupPartnerAction({ partnerAccountId: form.getValues("partnerAccountId") });
    setChecking(false);
    if (!result.ok) {
      const message = applyServerErrors(result, form.setError, ["partnerAccountId"]);
      if (message) setFormError({ message, registration: false });
      return;
    }
    setPartnerName(result.data.name);
    setConfirming(true);
  }

  return (
    <form onSubmit={form.handleSubmit(review)} noValidate className="grid gap-6">
      {formError ? (
        <Callout tone="error">
          {formError.message}{" "}
          {formError.registration ? (
            <Link href="/vendor/registration" className="font-medium underline">
              Open seller registration
            </Link>
          ) : null}
        </Callout>
      ) : null}
      <TextField form={form} name="partnerAccountId" label="Partner account id" placeholder="1234-5678-9012" hint="The consulting partner gives you this 12-digit id." />
      <fieldset className="grid gap-4">
        <legend className="mb-1 text-sm font-medium">Products and wholesale discounts</legend>
        {items.fields.map((field, index) => (
          <div key={field.id} className="grid gap-4 rounded-md border border-line bg-slate-50/50 p-4 lg:grid-cols-2">
            <div className="grid gap-3">
              <SelectField form={form} name={`items.${index}.productId`} label={`Product ${index + 1}`} options={productOptions} />
              <TextField form={form} name={`items.${index}.discountPercent`} label="Wholesale discount (%)" inputMode="decimal" placeholder="20" hint="Percent off the public price, more than 0 and less than 100." />
              <TextAreaField form={form} name={`items.${index}.additionalTerms`} label="Additional contractual terms (optional)" rows={2} />
              {items.fields.length > 1 ? (
                <div>
                  <Button type="button" variant="ghost" size="sm" onClick={() => items.remove(index)}>
                    Remove this product
                  </Button>
                </div>
              ) : null}
            </div>
            <div className="rounded-md bg-white p-3 ring-1 ring-line">
              <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Wholesale preview</p>
              <WholesalePreview product={byId.get(watched?.[index]?.productId ?? "")} discount={watched?.[index]?.discountPercent} />
            </div>
          </div>
        ))}
        {form.formState.errors.items?.message ? <p className="text-xs font-medium text-red-600">{form.formState.errors.items.message}</p> : null}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={items.fields.length >= catalogue.length}
            onClick={() => items.append({ productId: catalogue.find((p) => !form.getValues("items").some((i) => i.productId === p.id))?.id ?? "", discountPercent: "", additionalTerms: "" })}
          >
            Add another product
          </Button>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="expiresOn" label="Accept by" type="date" min={minDate} hint="The partner can accept until the end of this day (UTC)." />
        <TextField form={form} name="endsOn" label="Authorization ends (optional)" type="date" min={minDate} hint="No new offers after this day." />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          form={form}
          name="use"
          label="Use"
          options={[
            { value: "multi_use", label: "Multi-use: any number of offers" },
            { value: "one_time", label: "One-time: a single offer" },
          ]}
        />
        <TextField form={form} name="buyerAccountId" label="Only for this buyer (optional)" placeholder="Customer account id" />
      </div>
      <div>
        <Button type="submit" disabled={checking}>
          {checking ? "Checking…" : "Review and send"}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Send this invitation?"
        confirmLabel="Send invitation"
        onConfirm={send}
        description={
          <div className="grid gap-2">
            <p>
              <strong>{partnerName ?? "The partner"}</strong> (<span className="font-mono">{partnerId ? formatAccountId(partnerId) : "—"}</span>) will be able to accept
              until the end of {form.getValues("expiresOn") || "—"} (UTC).
            </p>
            <ul className="list-inside list-disc">
              {form.getValues("items").map((item, i) => (
                <li key={i}>
                  {byId.get(item.productId)?.name ?? "—"} at {item.discountPercent || "—"}% off
                </li>
              ))}
            </ul>
          </div>
        }
      />
    </form>
  );
}
