import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/app-shell";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { deniedNotFound, requirePermission } from "@/lib/auth/guard";
import { ownProduct } from "@/lib/products/queries";
import { ProductForm } from "../product-form";

export const metadata: Metadata = { title: "Edit product" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("product.manage");
  const { id } = await params;
  const product = await ownProduct(getDb(), user.accountId, id);
  if (!product) return deniedNotFound(user, "product.view", "product", id);
  return (
    <>
      <PageHeader title={product.name} description="Changes apply to new invitations and offers; extended offers keep their prices." />
      <Card>
        <CardContent className="pt-5">
          <ProductForm
            productId={product.id}
            defaults={{
              name: product.name,
              description: product.description,
              eulaText: product.eulaText,
              dimensions: product.dimensions.map((d) => ({ id: d.id, unitName: d.unitName, price: (d.unitPriceCents / 100).toFixed(2) })),
            }}
          />
        </CardContent>
      </Card>
    </>
  );
}
