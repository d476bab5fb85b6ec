import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listAuthorizedProducts } from "@/lib/invitations/queries";
import { AUTHORIZED_TABLE } from "@/lib/invitations/table";
import type { RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { AuthorizedTable } from "./authorized-table";

export const metadata: Metadata = { title: "Authorized products" };

export default async function AuthorizedProductsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("invitation.respond");
  const params = parseTableParams(AUTHORIZED_TABLE, await searchParams);
  const { rows, total } = await listAuthorizedProducts(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader
        title="Authorized products"
        description="Everything you may resell now: public price, your wholesale cost, terms and limits."
        actions={
          total > 0 ? (
            <Button asChild>
              <Link href="/partner/offers/new">New private offer</Link>
            </Button>
          ) : null
        }
      />
      <AuthorizedTable rows={rows} total={total} params={params} />
    </>
  );
}
