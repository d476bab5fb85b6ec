"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { acceptInvitationAction, declineInvitationAction, revokeAuthorizationAction } from "@/lib/invitations/actions";
import type { ActionResult } from "@/lib/result";

function useRespond() {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; registration: boolean } | null>(null);
  const run = async (action: () => Promise<ActionResult<unknown>>) => {
    setError(null);
    const result = await action();
    if (!result.ok) setError({ message: result.fieldErrors?.reason?.[0] ?? result.error ?? "Something went wrong.", registration: result.code === "registration_incomplete" });
    router.refresh();
  };
  return { error, run };
}

function ErrorCallout({ error, registrationHref }: { error: { message: string; registration: boolean } | null; registrationHref: string }) {
  if (!error) return null;
  return (
    <Callout tone="error">
      {error.message}{" "}
      {error.registration ? (
        <Link href={registrationHref} className="font-medium underline">
          Complete seller registration
        </Link>
      ) : null}
    </Callout>
  );
}

/** Accept or decline (partner), for a pending invitation. */
export function RespondPanel({ invitationId, registered }: { invitationId: string; registered: boolean }) {
  const { error, run } = useRespond();
  const [reason, setReason] = useState("");
  return (
    <Card>
      <CardContent className="grid gap-3 pt-5">
        <ErrorCallout error={error} registrationHref="/partner/registration" />
        {!registered ? (
          <Callout tone="warn">
            You must be a registered seller to accept.{" "}
            <Link href="/partner/registration" className="font-medium underline">
              Complete seller registration
            </Link>{" "}
            (profile, banking and tax), then come back.
          </Callout>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <ConfirmDialog
            trigger={<Button>Accept invitation</Button>}
            title="Accept this invitation?"
            description="You become an authorized reseller of these products at the wholesale prices shown, under the vendor's terms."
            confirmLabel="Accept"
            onConfirm={() => run(() => acceptInvitationAction({ invitationId }))}
          />
          <ConfirmDialog
            trigger={<Button variant="secondary">Decline</Button>}
            title="Decline this invitation?"
            description="The vendor is told. You can give a reason."
            confirmLabel="Decline"
            destructive
            onConfirm={() => run(() => declineInvitationAction({ invitationId, reason }))}
          >
            <label className="grid gap-1 text-sm">
              <span className="font-medium">Reason (optional)</span>
              <textarea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
                maxLength={1000}
                className="rounded-md border border-line px-3 py-2 text-sm"
              />
            </label>
          </ConfirmDialog>
        </div>
      </CardContent>
    </Card>
  );
}

/** Revoke an accepted authorization, or withdraw a pending invitation (ISV). */
export function RevokePanel({ invitationId, pending = false }: { invitationId: string; pending?: boolean }) {
  const { error, run } = useRespond();
  return (
    <Card>
      <CardContent className="grid gap-3 pt-5">
        <ErrorCallout error={error} registrationHref="/vendor/registration" />
        <div>
          <ConfirmDialog
            trigger={<Button variant="destructive">{pending ? "Withdraw invitation" : "Revoke authorization"}</Button>}
            title={pending ? "Withdraw this invitation?" : "Revoke this authorization?"}
            description={
              pending
                ? "The partner can no longer accept it and is told so. To invite again later, send a new invitation."
                : "The partner can no longer extend new offers for these products. Offers already extended keep their price. This cannot be undone."
            }
            confirmLabel={pending ? "Withdraw" : "Revoke"}
            destructive
            onConfirm={() => run(() => revokeAuthorizationAction({ invitationId }))}
          />
        </div>
      </CardContent>
    </Card>
  );
}
