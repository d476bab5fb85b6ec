import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { formatAccountId } from "@/lib/account-id";
import { channelByPartner, channelSales } from "@/lib/agreements/queries";
import { requirePermission } from "@/lib/auth/guard";
import { formatMoney } from "@/lib/money";
import { AGREEMENTS_TABLE } from "@/lib/offers/table";
import { parseTableParams, type RawSearchParams } from "@/lib/tables/params";
import { ChannelSalesTable } from "./sales-table";

export const metadata: Metadata = { title: "Channel" };

export default async function ChannelPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("channel.view");
  const params = parseTableParams(AGREEMENTS_TABLE, await searchParams);
  const [byPartner, sales] = await Promise.all([channelByPartner(getDb(), user.accountId), channelSales(getDb(), user.accountId, params)]);
  return (
    <>
      <PageHeader title="Channel" description="How your resale authorizations are used. Partners are listed as the buyer, at wholesale; figures are whole contracts." />
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
                        <span className="block whitespace-nowrap font-mono text-xs text-muted">{formatAccountId(p.partnerAccountId)}</span>
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
        <section className="grid gap-2">
          <h2 className="text-base font-semibold">Sales through partners</h2>
          <ChannelSalesTable rows={sales.rows} total={sales.total} params={params} />
        </section>
      </div>
    </>
  );
}
