import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { isvChannel } from "@/lib/agreements/queries";
import { requirePermission } from "@/lib/auth/guard";
import { dayOf } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Channel" };

export default async function ChannelPage() {
  const user = await requirePermission("channel.view");
  const { byPartner, sales } = await isvChannel(getDb(), user.accountId);
  return (
    <>
      <PageHeader title="Channel" description="How your resale authorizations are used. Partners are listed as the buyer, at wholesale." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>By partner</CardTitle>
          </CardHeader>
          <CardContent>
            {byPartner.length === 0 ? (
              <p className="text-sm text-muted">No partner has extended an offer yet. Invite partners from Invitations; their offers and sales show here.</p>
            ) : (
              <Table aria-label="Channel by partner">
                <TableHeader>
                  <TableRow>
                    <TableHead>Partner</TableHead>
                    <TableHead className="text-right">Offers extended</TableHead>
                    <TableHead className="text-right">Agreements</TableHead>
                    <TableHead className="text-right">Contract value at wholesale</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {byPartner.map((p) => (
                    <TableRow key={p.partnerAccountId}>
                      <TableCell>
                        {p.partnerName}
                        <span className="block font-mono text-xs text-muted">{formatAccountId(p.partnerAccountId)}</span>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{p.offersExtended}</TableCell>
                      <TableCell className="text-right tabular-nums">{p.agreements}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(p.wholesaleTotalCents)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sales through partners</CardTitle>
          </CardHeader>
          <CardContent>
            {sales.length === 0 ? (
              <p className="text-sm text-muted">No sales yet.</p>
            ) : (
              <Table aria-label="Sales through partners">
                <TableHeader>
                  <TableRow>
                    <TableHead>Started</TableHead>
                    <TableHead>Product</TableHead>
                    <TableHead>Buyer</TableHead>
                    <TableHead className="text-right">Contract value at wholesale</TableHead>
                    <TableHead className="text-right">Listing fee (contract)</TableHead>
                    <TableHead className="text-right">Net (contract)</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {sales.map((s) => (
                    <TableRow key={s.id} data-testid="channel-sale">
                      <TableCell>{dayOf(s.startsAt)}</TableCell>
                      <TableCell>
                        {s.productName}
                        <span className="block text-xs text-muted">{s.durationMonths} months, {s.billing}</span>
                      </TableCell>
                      <TableCell>
                        {s.buyerName}
                        <span className="block font-mono text-xs text-muted">{formatAccountId(s.buyerAccountId)}</span>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(s.wholesaleTotalCents, s.currency)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(s.listingFeeCents, s.currency)}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(s.netRevenueCents, s.currency)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
