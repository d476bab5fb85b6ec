import type { Metadata } from "next";
import { PayoutView, REMITTANCE_PAGE_SIZE } from "@/app/_billing/payout-page";
import { pageParam } from "@/components/ui/pager";
import { getDb } from "@/db";
import { deniedNotFound, requireArea, requirePermission } from "@/lib/auth/guard";
import { payoutDetail } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Remittance advice" };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("partner");
  const user = await requirePermission("money.view");
  const { id } = await params;
  const page = pageParam((await searchParams).page);
  const payout = await payoutDetail(getDb(), id, { role: "partner", accountId: user.accountId }, { limit: REMITTANCE_PAGE_SIZE, offset: (page - 1) * REMITTANCE_PAGE_SIZE });
  if (!payout) return deniedNotFound(user, "money.view", "disbursement", id);
  return <PayoutView payout={payout} page={page} back="/partner/money" counterpart="customer" href={(p) => `/partner/money/payouts/${id}?page=${p}`} />;
}
