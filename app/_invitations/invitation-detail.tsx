import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Fact } from "@/components/ui/facts";
import { formatAccountId } from "@/lib/account-id";
import type { invitationDetail } from "@/lib/invitations/queries";
import { daysLeft, STATUS_LABELS, STATUS_TONES } from "@/lib/invitations/state";
import { bpsToPercent, formatMoney } from "@/lib/money";

type Detail = NonNullable<Awaited<ReturnType<typeof invitationDetail>>>;

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** An invitation as both parties see it: products, public and wholesale prices, terms, dates, use. */
export function InvitationDetail({ invitation, side, now, actions, history }: { invitation: Detail; side: "vendor" | "partner"; now: Date; actions?: ReactNode; history?: ReactNode }) {
  const left = daysLeft(invitation.expiresAt, now);
  return (
    <>
      <PageHeader
        title={side === "vendor" ? `Invitation to ${invitation.partnerName}` : `Invitation from ${invitation.isvName}`}
        description={
          side === "vendor"
            ? `Partner account ${formatAccountId(invitation.partnerAccountId)}`
            : `Vendor account ${formatAccountId(invitation.isvAccountId)}`
        }
        actions={<Badge tone={STATUS_TONES[invitation.status]}>{STATUS_LABELS[invitation.status]}</Badge>}
      />
      <div className="grid gap-6">
        <Card>
          <CardContent className="grid gap-4 pt-5 sm:grid-cols-2 lg:grid-cols-4">
            <Fact label="Accept by">
              {utc(invitation.expiresAt)}
              {invitation.status === "pending" ? <span className="block text-xs text-muted">{left <= 1 ? "last day" : `${left} days left`}</span> : null}
            </Fact>
            <Fact label="Authorization ends">{invitation.endsAt ? utc(invitation.endsAt) : "No end date"}</Fact>
            <Fact label="Use">{invitation.use === "one_time" ? `One-time (${invitation.offersExtended} of 1 used)` : "Multi-use"}</Fact>
            <Fact label="Buyer">
              {invitation.buyerAccountId ? `${invitation.buyerName ?? ""} ${formatAccountId(invitation.buyerAccountId)}` : "Any customer"}
            </Fact>
            {invitation.declineReason ? <Fact label="Decline reason">{invitation.declineReason}</Fact> : null}
          </CardContent>
        </Card>
        {actions}
        {invitation.items.map((item) => (
          <Card key={item.productId}>
            <CardHeader>
              <CardTitle>{item.productName}</CardTitle>
              <CardDescription>
                {item.description} · wholesale discount <strong>{bpsToPercent(item.discountBps)}%</strong>
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <table className="w-full max-w-xl text-sm">
                <thead>
                  <tr className="border-b border-line text-left text-xs text-muted">
                    <th className="py-1 font-medium">Unit</th>
                    <th className="py-1 text-right font-medium">Public price / month</th>
                    <th className="py-1 text-right font-medium">Wholesale / month</th>
                  </tr>
                </thead>
                <tbody>
                  {item.prices.map((p) => (
                    <tr key={p.unitName} className="border-b border-line/60">
                      <td className="py-1">{p.unitName}</td>
                      <td className="py-1 text-right tabular-nums">{formatMoney(p.publicCents, item.currency)}</td>
                      <td className="py-1 text-right font-medium tabular-nums">{formatMoney(p.wholesaleCents, item.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div>
                <p className="text-xs font-semibold uppercase tracking-wide text-muted">Additional contractual terms</p>
                <p className="whitespace-pre-wrap text-sm">{item.additionalTerms || "None."}</p>
              </div>
              <details>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Standard EULA</summary>
                <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700">{item.eulaText}</p>
              </details>
            </CardContent>
          </Card>
        ))}
        {history}
      </div>
    </>
  );
}
