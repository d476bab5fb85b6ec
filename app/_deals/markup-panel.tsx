"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { loadOnce, useLoaded } from "@/components/forms/lazy-schema";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { provideMarkupAction } from "@/lib/deals/actions";
import { dealUnitPrices } from "@/lib/deals/pricing";
import { bpsToPercent, formatMoney } from "@/lib/money";

const loadMarkupField = loadOnce(() => import("@/lib/offers/validations").then((m) => m.markupField));

export interface MarkupProduct {
  id: string;
  name: string;
  currency: string;
  discountBps: number | null;
  dimensions: { unitName: string; unitPriceCents: number }[];
}

/** The partner's task: its markup on the deal's wholesale price, with the customer's resulting price as it types. */
export function MarkupPanel({ requestId, additionalDiscountBps, products, current }: { requestId: string; additionalDiscountBps: number; products: MarkupProduct[]; current: number | null }) {
  const router = useRouter();
  const [text, setText] = useState(current !== null ? bpsToPercent(current) : "");
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const markupField = useLoaded(loadMarkupField);
  const parsed = markupField?.safeParse(text);
  const bps = parsed?.success ? parsed.data : null;

  async function review(event: React.FormEvent) {
    event.preventDefault();
    // The rule arrives after the page; a submit that comes first waits for it (and if it never
    // arrives, the server's check of the same rule answers on the field).
    const checked = parsed ?? (await loadMarkupField().then((rule) => rule.safeParse(text), () => null));
    if (checked && !checked.success) {
      setError(checked.error.issues[0]?.message ?? "Enter your markup");
      return;
    }
    setError(null);
    setConfirming(true);
  }

  async function send(): Promise<boolean> {
    const result = await provideMarkupAction({ requestId, markupPercent: text });
    if (!result.ok) setError(result.fieldErrors?.markupPercent?.[0] ?? result.error ?? "Something went wrong.");
    router.refresh();
    return true;
  }

  return (
    <Card className="border-amber-300">
      <CardHeader>
        <CardTitle>{current === null ? "The marketplace asks for your markup" : "Your markup (you can revise it until the offer is made)"}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={review} noValidate className="grid gap-4">
          <p className="text-sm text-muted">
            The vendor approved an extra {bpsToPercent(additionalDiscountBps)}% off your wholesale price. Your markup on that price sets what the customer pays.
          </p>
          <div className="max-w-xs">
            <Field id="markupPercent" label="Your markup (%)" error={error ?? undefined}>
              <Input id="markupPercent" name="markupPercent" inputMode="decimal" placeholder="10" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(error)} />
            </Field>
          </div>
          {products.map((p) =>
            p.discountBps === null ? null : (
              <table key={p.id} className="w-full text-sm" aria-label={`Customer price for ${p.name}`}>
                <caption className="text-left text-sm font-medium">{p.name}</caption>
                <thead>
                  <tr className="text-left text-xs text-muted">
                    <th className="font-medium">Unit</th>
                    <th className="text-right font-medium">Deal wholesale / month</th>
                    <th className="text-right font-medium">Customer pays / month</th>
                    <th className="text-right font-medium">Your margin / month</th>
                  </tr>
                </thead>
                <tbody>
                  {dealUnitPrices(p.dimensions, p.discountBps, additionalDiscountBps, bps).map((u) => (
                    <tr key={u.unitName}>
                      <td>{u.unitName}</td>
                      <td className="text-right tabular-nums">{formatMoney(u.dealWholesaleCents, p.currency)}</td>
                      <td className="text-right font-medium tabular-nums" data-testid={`markup-preview-${p.name}-${u.unitName}`}>
                        {u.customerCents !== null ? formatMoney(u.customerCents, p.currency) : "—"}
                      </td>
                      <td className="text-right tabular-nums">{u.customerCents !== null ? formatMoney(u.customerCents - u.dealWholesaleCents, p.currency) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
          <div>
            <Button type="submit">Review and send markup</Button>
          </div>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Send this markup to the marketplace?"
            confirmLabel="Send markup"
            onConfirm={send}
            description={<p>A {bps !== null ? bpsToPercent(bps) : "—"}% markup on the deal&apos;s wholesale price. The marketplace keys and extends the offer on your behalf, with you as seller of record.</p>}
          />
        </form>
      </CardContent>
    </Card>
  );
}
