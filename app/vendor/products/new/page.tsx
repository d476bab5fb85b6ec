import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guard";
import { ProductForm } from "../product-form";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requirePermission("product.manage");
  return (
    <>
      <PageHeader title="New product" description="Name it, paste your EULA, and set a public monthly price per unit." />
      <Card>
        <CardContent className="pt-5">
          <ProductForm />
        </CardContent>
      </Card>
    </>
  );
}
