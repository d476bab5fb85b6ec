"use client";
// Labelled inputs bound to a react-hook-form form, with the field's error under it.
import { get, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { ComponentProps, ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** Any react-hook-form form whose input values are T (whatever its resolver outputs). */
type Form<T extends FieldValues> = UseFormReturn<T, unknown, FieldValues>;

function errorOf<T extends FieldValues>(form: Form<T>, name: Path<T>): string | undefined {
  const error = get(form.formState.errors, name) as { message?: unknown } | undefined;
  return typeof error?.message === "string" ? error.message : undefined;
}

const fieldId = (name: string) => name.replace(/\./g, "-");

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  ...inputProps
}: { form: Form<T>; name: Path<T>; label: string; hint?: ReactNode } & Omit<ComponentProps<"input">, "name" | "form">) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input
        id={id}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...inputProps}
        {...form.register(name)}
      />
    </Field>
  );
}

export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  rows = 4,
}: {
  form: Form<T>;
  name: Path<T>;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={cn(
          "w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-brand-500",
          "aria-invalid:border-red-500",
        )}
        {...form.register(name)}
      />
    </Field>
  );
}

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  options,
  hint,
  placeholder,
}: {
  form: Form<T>;
  name: Path<T>;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  placeholder?: string;
}) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="h-9 w-full rounded-md border border-line bg-white px-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-brand-500 aria-invalid:border-red-500"
        {...form.register(name)}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
