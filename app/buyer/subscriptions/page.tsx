import type { Metadata } from "next";
import { SubscriptionsTable } from "@/app/_offers/agreement-tables";
import { PageHeader } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { customerSubscriptions } from "@/lib/agreements/queries";
import { requirePermission } from "@/lib/auth/guard";
import { AGREEMENTS_TABLE } from "@/lib/offers/table";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("offer.view");
  const params = parseTableParams(AGREEMENTS_TABLE, await searchParams);
  const { rows, total } = await customerSubscriptions(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader title="Subscriptions" description="Products made by their vendors and sold to you by your consulting partners." />
      <SubscriptionsTable rows={rows} total={total} params={params} />
    </>
  );
}
