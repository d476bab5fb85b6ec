"use client";
// One form for creating and editing a product and its pricing dimensions.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { TextAreaField, TextField } from "@/components/forms/form-fields";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { createProductAction, updateProductAction } from "@/lib/products/actions";
import { MAX_DIMENSIONS } from "@/lib/products/limits";
import type { ProductInput } from "@/lib/products/validations";

const loadSchema = loadOnce(() => import("@/lib/products/validations").then((m) => m.productSchema));

export function ProductForm({ productId, defaults }: { productId?: string; defaults?: ProductInput }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm({
    resolver: useLazyZodResolver(loadSchema),
    defaultValues: defaults ?? { name: "", description: "", eulaText: "", dimensions: [{ unitName: "", price: "" }] },
  });
  const dimensions = useFieldArray({ control: form.control, name: "dimensions", keyName: "key" });
  const dimensionsError = form.formState.errors.dimensions?.message ?? form.formState.errors.dimensions?.root?.message;

  const onSubmit = form.handleSubmit((product) =>
    startTransition(async () => {
      setFormError(null);
      const result = productId ? await updateProductAction({ productId, product }) : await createProductAction(product);
      if (result.ok) {
        router.push("/vendor/products");
        return;
      }
      // Edit results carry "product." prefixed paths; put them on the same fields.
      const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^product\./, ""), v]));
      const fields = ["name", "description", "eulaText", "dimensions", ...product.dimensions.flatMap((_, i) => [`dimensions.${i}.unitName`, `dimensions.${i}.price`])];
      setFormError(applyServerErrors({ ...result, fieldErrors }, form.setError, fields));
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {formError ? <Callout tone="error">{formError}</Callout> : null}
      <TextField form={form} name="name" label="Product name" />
      <TextAreaField form={form} name="description" label="Description" rows={3} />
      <TextAreaField form={form} name="eulaText" label="Standard EULA" rows={6} hint="Customers accept this text with every offer." />
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Pricing dimensions (public price per unit per month, USD)</legend>
        {dimensions.fields.map((field, index) => (
          <div key={field.key} className="grid grid-cols-[1fr_10rem_auto] items-start gap-2">
            <TextField form={form} name={`dimensions.${index}.unitName`} label={`Unit ${index + 1}`} placeholder="e.g. Users" />
            <TextField form={form} name={`dimensions.${index}.price`} label="Price ($)" inputMode="decimal" placeholder="0.00" />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="mt-6"
              disabled={dimensions.fields.length === 1}
              onClick={() => dimensions.remove(index)}
              aria-label={`Remove unit ${index + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        {dimensionsError ? <p className="text-xs font-medium text-red-600">{dimensionsError}</p> : null}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={dimensions.fields.length >= MAX_DIMENSIONS}
            onClick={() => dimensions.append({ unitName: "", price: "" })}
          >
            Add a pricing dimension
          </Button>
        </div>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : productId ? "Save changes" : "Create product"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.push("/vendor/products")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
