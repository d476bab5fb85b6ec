"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { loadOnce, useLoaded } from "@/components/forms/lazy-schema";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { payBillAction, recordBankTransferAction } from "@/lib/billing/actions";

/** The customer pays in the portal. The key was made with the page: a double submit records once. */
export function PayBillForm({ billId, idempotencyKey, amount }: { billId: string; idempotencyKey: string; amount: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid gap-3">
      {error ? <Callout tone="error">{error}</Callout> : null}
      <p className="text-sm text-muted">No card network is connected: paying here records your payment of the whole bill.</p>
      <div>
        <ConfirmDialog
          trigger={<Button>Pay {amount}</Button>}
          title={`Pay ${amount}?`}
          description="The payment is recorded against this bill and your sellers are paid from it."
          confirmLabel={`Pay ${amount}`}
          onConfirm={async () => {
            setError(null);
            const result = await payBillAction({ billId, idempotencyKey });
            if (!result.ok) setError(result.error ?? "The payment could not be recorded.");
            router.refresh();
          }}
        />
      </div>
    </div>
  );
}

const loadReferenceRule = loadOnce(() => import("@/lib/billing/validations").then((m) => m.bankTransferSchema.shape.reference));

/** A rep records a payment received by bank transfer, with its reference. */
export function BankTransferForm({ billId, idempotencyKey, amount }: { billId: string; idempotencyKey: string; amount: string }) {
  const router = useRouter();
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The server's rule for the field, checked as it is typed (once it has loaded; the server checks it again).
  const rule = useLoaded(loadReferenceRule);
  const check = rule?.safeParse(reference);
  const referenceError = reference && check && !check.success ? (check.error.issues[0]?.message ?? "Check the reference") : null;
  return (
    <div className="grid gap-3">
      {error ? <Callout tone="error">{error}</Callout> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="reference">Bank reference</Label>
          <Input
            id="reference"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            className="w-64 max-w-full"
            aria-invalid={Boolean(referenceError)}
            aria-describedby={referenceError ? "reference-error" : undefined}
          />
          {referenceError ? (
            <p id="reference-error" className="max-w-64 text-xs text-red-700">
              {referenceError}
            </p>
          ) : null}
        </div>
        <ConfirmDialog
          trigger={<Button disabled={Boolean(referenceError) || !reference.trim()}>Record bank transfer</Button>}
          title={`Record ${amount} received?`}
          description={<span className="break-all">The bill is marked paid with reference {reference.trim()}.</span>}
          confirmLabel="Record payment"
          onConfirm={async () => {
            setError(null);
            const result = await recordBankTransferAction({ billId, idempotencyKey, reference });
            if (!result.ok) setError(result.fieldErrors?.reference?.[0] ?? result.error ?? "The payment could not be recorded.");
            router.refresh();
          }}
        />
      </div>
    </div>
  );
}
