"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useForm, useWatch, type DefaultValues, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { SelectField, TextField } from "@/components/forms/form-fields";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DISBURSEMENT_SCHEDULES, TAX_FORMS } from "@/lib/enums";
import { COUNTRIES, DISBURSEMENT_CURRENCIES } from "@/lib/sellers/countries";
import type { BankingInput, ProfileInput, TaxInput } from "@/lib/sellers/validations";
import type { ActionResult } from "@/lib/result";
import { saveBankingAction, saveProfileAction, saveTaxAction } from "@/lib/sellers/actions";

const loadSchemas = loadOnce(() => import("@/lib/sellers/validations"));
const loadProfileSchema = () => loadSchemas().then((m) => m.profileSchema);
const loadBankingSchema = () => loadSchemas().then((m) => m.bankingSchema);
const loadTaxSchema = () => loadSchemas().then((m) => m.taxSchema);

const COUNTRY_OPTIONS = Object.entries(COUNTRIES).map(([value, label]) => ({ value, label }));

/** Submit → server action → field errors back onto the form, or on to the next step. */
function useStepForm<In extends FieldValues, Out extends FieldValues>(
  loadSchema: () => Promise<z.ZodType<Out, In>>,
  defaultValues: DefaultValues<In>,
  action: (values: Out) => Promise<ActionResult<unknown>>,
  next: string,
) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<In, unknown, Out>({ resolver: useLazyZodResolver(loadSchema), defaultValues });
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const result = await action(values);
      if (result.ok) router.push(next);
      else setFormError(applyServerErrors(result, form.setError, Object.keys(form.getValues())));
    }),
  );
  return { form, onSubmit, pending, formError };
}

function Shell({
  state,
  children,
  submitLabel,
}: {
  state: { onSubmit: () => void; pending: boolean; formError: string | null };
  children: React.ReactNode;
  submitLabel: string;
}) {
  return (
    <form onSubmit={state.onSubmit} noValidate className="grid gap-4">
      {state.formError ? <Callout tone="error">{state.formError}</Callout> : null}
      {children}
      <div>
        <Button type="submit" disabled={state.pending}>
          {state.pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function ProfileForm({ defaults, next }: { defaults: Partial<ProfileInput>; next: string }) {
  const state = useStepForm(
    loadProfileSchema,
    { legalName: "", addressLine1: "", addressLine2: "", city: "", region: "", postalCode: "", country: "US", contactName: "", contactEmail: "", contactPhone: "", ...defaults },
    saveProfileAction,
    next,
  );
  const { form } = state;
  return (
    <Shell state={state} submitLabel="Save and continue">
      <TextField form={form} name="legalName" label="Legal name" autoComplete="organization" />
      <TextField form={form} name="addressLine1" label="Address" autoComplete="address-line1" />
      <TextField form={form} name="addressLine2" label="Address line 2 (optional)" autoComplete="address-line2" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField form={form} name="city" label="City" autoComplete="address-level2" />
        <TextField form={form} name="region" label="State or region" autoComplete="address-level1" />
        <TextField form={form} name="postalCode" label="Postal code" autoComplete="postal-code" />
      </div>
      <SelectField form={form} name="country" label="Country" options={COUNTRY_OPTIONS} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField form={form} name="contactName" label="Contact name" autoComplete="name" />
        <TextField form={form} name="contactEmail" label="Contact email" type="email" autoComplete="email" />
        <TextField form={form} name="contactPhone" label="Contact phone" type="tel" autoComplete="tel" />
      </div>
    </Shell>
  );
}

export interface SavedBanking {
  bankType: "us_ach" | "iban";
  accountHolder: string;
  currency: string;
  schedule: "daily" | "monthly";
  day: number | null;
  last4: string;
}

/** Keeps the hidden `keep…` flag true while the saved account's numbers are left blank. */
function useKeepFlag<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, flag: Path<T>, keep: boolean) {
  useEffect(() => {
    form.setValue(flag, keep as PathValue<T, Path<T>>);
  }, [form, flag, keep]);
}

export function BankingForm({ next, saved }: { next: string; saved: SavedBanking | null }) {
  const state = useStepForm(
    loadBankingSchema,
    {
      bankType: saved?.bankType ?? "us_ach",
      accountHolder: saved?.accountHolder ?? "",
      routingNumber: "",
      accountNumber: "",
      disbursementCurrency: (saved?.currency as BankingInput["disbursementCurrency"]) ?? "USD",
      disbursementSchedule: saved?.schedule ?? "monthly",
      disbursementDay: saved?.day ?? 1,
      keepAccount: Boolean(saved),
    } as BankingInput,
    saveBankingAction,
    next,
  );
  const { form } = state;
  const bankType = useWatch({ control: form.control, name: "bankType" });
  const schedule = useWatch({ control: form.control, name: "disbursementSchedule" });
  const typed = useWatch({ control: form.control, name: ["iban", "swiftBic", "routingNumber", "accountNumber"] }) as (string | undefined)[];
  const keep = Boolean(saved && saved.bankType === bankType && typed.every((v) => !v));
  useKeepFlag(form, "keepAccount", keep);
  const onFile = saved && saved.bankType === bankType ? `On file: •••• ${saved.last4}. Leave blank to keep it.` : undefined;
  return (
    <Shell state={state} submitLabel="Save and continue">
      <SelectField
        form={form}
        name="bankType"
        label="Bank account"
        options={[
          { value: "us_ach", label: "US bank account (ACH)" },
          { value: "iban", label: "International account (IBAN + SWIFT/BIC)" },
        ]}
      />
      <TextField form={form} name="accountHolder" label="Account holder" autoComplete="off" />
      {bankType === "iban" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField form={form} name="iban" label="IBAN" autoComplete="off" hint={onFile ?? "Spaces are fine; the check digits are verified."} />
          <TextField form={form} name="swiftBic" label="SWIFT/BIC" autoComplete="off" />
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField form={form} name="routingNumber" label="Routing number" inputMode="numeric" autoComplete="off" hint={onFile ?? "9 digits; the check digit is verified."} />
          <TextField form={form} name="accountNumber" label="Account number" inputMode="numeric" autoComplete="off" />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField form={form} name="disbursementCurrency" label="Disbursement currency" options={DISBURSEMENT_CURRENCIES.map((c) => ({ value: c, label: c }))} />
        <SelectField
          form={form}
          name="disbursementSchedule"
          label="Schedule"
          options={DISBURSEMENT_SCHEDULES.map((s) => ({ value: s, label: s === "daily" ? "Daily" : "Monthly" }))}
        />
        {schedule === "monthly" ? (
          <TextField form={form} name="disbursementDay" label="Day of month (1–28)" type="number" min={1} max={28} />
        ) : null}
      </div>
    </Shell>
  );
}

export function TaxForm({ next, saved }: { next: string; saved: { taxForm: "W-9" | "W-8BEN-E"; taxCountry: string; last4: string } | null }) {
  const state = useStepForm(
    loadTaxSchema,
    { taxForm: saved?.taxForm ?? "W-9", taxId: "", taxCountry: (saved?.taxCountry as TaxInput["taxCountry"]) ?? "US", keepTaxId: Boolean(saved) } as TaxInput,
    saveTaxAction,
    next,
  );
  const { form } = state;
  const [taxForm, taxCountry, taxId] = useWatch({ control: form.control, name: ["taxForm", "taxCountry", "taxId"] });
  const keep = Boolean(saved && saved.taxForm === taxForm && saved.taxCountry === taxCountry && !taxId);
  useKeepFlag(form, "keepTaxId", keep);
  const onFile = saved && saved.taxForm === taxForm && saved.taxCountry === taxCountry ? `On file: •••• ${saved.last4}. Leave blank to keep it.` : undefined;
  return (
    <Shell state={state} submitLabel="Save and finish">
      <SelectField
        form={form}
        name="taxForm"
        label="Tax form"
        options={TAX_FORMS.map((f) => ({ value: f, label: f === "W-9" ? "W-9 (US person or entity)" : "W-8BEN-E (non-US entity)" }))}
      />
      <TextField
        form={form}
        name="taxId"
        label={taxForm === "W-9" ? "EIN or SSN" : "Foreign tax id"}
        autoComplete="off"
        hint={onFile ?? (taxForm === "W-9" ? "e.g. 12-3456789" : "as on your W-8BEN-E, line 9b")}
      />
      <SelectField form={form} name="taxCountry" label="Country of tax residence" options={COUNTRY_OPTIONS} />
    </Shell>
  );
}
