"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cloneOfferAction, extendOfferAction, withdrawOfferAction } from "@/lib/offers/actions";
import type { ActionResult } from "@/lib/result";

/** Extend, withdraw and clone, each behind a confirmation where it cannot be undone. */
export function OfferActions({ offerId, status, summary }: { offerId: string; status: string; summary: string }) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; registration: boolean } | null>(null);
  const run = async (action: () => Promise<ActionResult<{ offerId: string }>>, go?: (id: string) => string) => {
    setError(null);
    const result = await action();
    if (!result.ok) setError({ message: result.error ?? "Something went wrong.", registration: result.code === "registration_incomplete" });
    else if (go) router.push(go(result.data.offerId));
    router.refresh();
  };
  return (
    <div className="grid gap-3">
      {error ? (
        <Callout tone="error">
          {error.message}{" "}
          {error.registration ? (
            <Link href="/partner/registration" className="font-medium underline">
              Complete seller registration
            </Link>
          ) : null}
        </Callout>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {status === "draft" ? (
          <ConfirmDialog
            trigger={<Button>Extend offer</Button>}
            title="Extend this offer to the customer?"
            description={
              <>
                <p>{summary}</p>
                <p className="mt-2">Prices and terms freeze now and the customer is notified. You can withdraw it until it is accepted.</p>
              </>
            }
            confirmLabel="Extend offer"
            onConfirm={() => run(() => extendOfferAction({ offerId }))}
          />
        ) : null}
        {status === "draft" || status === "extended" ? (
          <ConfirmDialog
            trigger={<Button variant="secondary">Withdraw</Button>}
            title="Withdraw this offer?"
            description="The customer can no longer accept it. This cannot be undone; you can clone it later."
            confirmLabel="Withdraw"
            destructive
            onConfirm={() => run(() => withdrawOfferAction({ offerId }))}
          />
        ) : null}
        <Button variant="secondary" onClick={() => run(() => cloneOfferAction({ offerId }), (id) => `/partner/offers/${id}?cloned=1`)}>
          Clone into a new draft
        </Button>
      </div>
    </div>
  );
}
