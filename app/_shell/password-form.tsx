"use client";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/forms/form-fields";
import { loadOnce, useLazyZodResolver } from "@/components/forms/lazy-schema";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { changePasswordAction } from "@/lib/accounts/actions";
import type { ChangePasswordInput } from "@/lib/accounts/password-schema";

const loadSchema = loadOnce(() => import("@/lib/accounts/password-schema").then((m) => m.changePasswordSchema));

/** A new password; on success every session of the user ends and the sign-in page opens. */
export function PasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<ChangePasswordInput>({ resolver: useLazyZodResolver(loadSchema), defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const result = await changePasswordAction(values);
      setFormError(applyServerErrors(result, form.setError, ["currentPassword", "newPassword", "confirmPassword"]));
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
      {formError ? <Callout tone="error">{formError}</Callout> : null}
      <TextField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <TextField form={form} name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." />
      <TextField form={form} name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" />
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
