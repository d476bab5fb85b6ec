"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { applyServerErrors } from "@/components/forms/server-errors";
import { SIGN_UP_ACCOUNT_TYPES, SIGN_UP_TYPE_LABELS } from "@/lib/accounts/sign-up-types";
import type { SignUpInput } from "@/lib/accounts/validations";
import { cn } from "@/lib/utils";
import { signUpAction } from "../actions";

const loadSchema = loadOnce(() => import("@/lib/accounts/validations").then((m) => m.signUpSchema));

const FIELDS = ["accountType", "organizationName", "name", "email", "password", "confirmPassword"] as const;

export function SignUpForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<SignUpInput>({
    resolver: useLazyZodResolver(loadSchema),
    defaultValues: { organizationName: "", name: "", email: "", password: "", confirmPassword: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const result = await signUpAction(values);
      setFormError(applyServerErrors(result, form.setError, FIELDS));
    }),
  );

  const text = (name: Exclude<(typeof FIELDS)[number], "accountType">, label: string, type = "text", autoComplete?: string) => (
    <Field id={name} label={label} error={errors[name]?.message}>
      <Input
        id={name}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        {...form.register(name)}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Callout tone="error">{formError}</Callout> : null}
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Account type</legend>
        {SIGN_UP_ACCOUNT_TYPES.map((type) => (
          <label
            key={type}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-md border border-line bg-white p-3 text-sm",
              "has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50",
            )}
          >
            <input type="radio" value={type} className="mt-0.5" {...form.register("accountType")} />
            <span>{SIGN_UP_TYPE_LABELS[type]}</span>
          </label>
        ))}
        {errors.accountType ? (
          <p id="accountType-error" className="text-xs font-medium text-red-600">
            {errors.accountType.message}
          </p>
        ) : null}
      </fieldset>
      {text("organizationName", "Organization name", "text", "organization")}
      {text("name", "Your name", "text", "name")}
      {text("email", "Email", "email", "email")}
      {text("password", "Password", "password", "new-password")}
      {text("confirmPassword", "Repeat password", "password", "new-password")}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
