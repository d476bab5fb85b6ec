import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { listProducts, PRODUCTS_TABLE } from "@/lib/products/queries";
import { type RawSearchParams } from "@/lib/tables/params";
import { parseTableParams } from "@/lib/tables/parse";
import { ProductsTable } from "./products-table";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("product.manage");
  const params = parseTableParams(PRODUCTS_TABLE, await searchParams);
  const { rows, total } = await listProducts(getDb(), user.accountId, params);
  return (
    <>
      <PageHeader
        title="Products"
        description="Your catalogue with public prices. Partners resell these at the wholesale discount you set per invitation."
        actions={
          <Button asChild>
            <Link href="/vendor/products/new">New product</Link>
          </Button>
        }
      />
      <ProductsTable rows={rows} total={total} params={params} />
    </>
  );
}
