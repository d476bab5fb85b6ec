import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Stat } from "@/components/ui/stat";
import { getDb } from "@/db";
import { requireArea } from "@/lib/auth/guard";
import { marketplaceMoney } from "@/lib/billing/queries";
import { marketplaceHome } from "@/lib/dashboard/queries";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Marketplace console" };

export default async function MarketplaceHome() {
  const user = await requireArea("marketplace");
  const [figures, money] = await Promise.all([marketplaceHome(getDb()), marketplaceMoney(getDb())]);
  return (
    <>
      <PageHeader title="Marketplace" description={<>Signed in as {user.email}</>} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Vendors (ISVs)" value={figures.isvs} />
        <Stat label="Consulting partners" value={figures.partners} />
        <Stat label="Customers" value={figures.customers} />
        <Stat label="Registered sellers" value={figures.registeredSellers} hint={`${figures.users} users in all`} />
        <Stat label="Gross merchandise value" value={formatMoney(money.gmvCents)} />
        <Stat label="Fee revenue" value={formatMoney(money.feeRevenueCents)} />
        <Stat label="Receivables" value={formatMoney(money.receivablesCents)} hint={`issued, unpaid bills; ${money.overdueBills} overdue`} />
        <Stat label="Disbursements due" value={formatMoney(money.disbursementsDueCents)} hint="collected, not yet paid out" />
      </div>
    </>
  );
}
