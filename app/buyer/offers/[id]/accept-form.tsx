"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { acceptOfferAction } from "@/lib/offers/actions";

export function AcceptOfferForm({ offerId, summary }: { offerId: string; summary: string }) {
  const router = useRouter();
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid gap-3">
      {error ? <Callout tone="error">{error}</Callout> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} className="mt-0.5" />
        <span>I accept the EULA, the vendor&apos;s additional terms and the seller&apos;s terms shown on this page.</span>
      </label>
      <div>
        <ConfirmDialog
          trigger={<Button disabled={!agreed}>Accept offer</Button>}
          title="Subscribe now?"
          description={summary}
          confirmLabel="Accept and subscribe"
          onConfirm={async () => {
            setError(null);
            const result = await acceptOfferAction({ offerId, acceptTerms: agreed });
            if (result.ok) router.push(`/buyer/subscriptions/${result.data.agreementId}?accepted=1`);
            else setError(result.fieldErrors?.acceptTerms?.[0] ?? result.error ?? "Something went wrong.");
            router.refresh();
          }}
        />
      </div>
    </div>
  );
}
