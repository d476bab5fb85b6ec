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
import type { SignInInput } from "@/lib/accounts/validations";
import { signInAction } from "../actions";

const loadSchema = loadOnce(() => import("@/lib/accounts/validations").then((m) => m.signInSchema));

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<SignInInput>({ resolver: useLazyZodResolver(loadSchema), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const result = await signInAction(values, callbackUrl);
      // On success the action redirects; we only get here with an error.
      setFormError(applyServerErrors(result, form.setError, ["email", "password"]));
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Callout tone="error">{formError}</Callout> : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...form.register("email")}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-muted">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
