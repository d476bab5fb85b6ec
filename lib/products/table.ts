// The products table's URL spec and row shape, shared by the page (server) and the table (client).
import type { TableSpec } from "@/lib/tables/params";

export const PRODUCTS_TABLE = {
  sortable: ["name", "updated"],
  defaultSort: { id: "name", desc: false },
  search: true,
} as const satisfies TableSpec<"name" | "updated", never>;

export interface ProductRow {
  id: string;
  name: string;
  description: string;
  dimensions: { unitName: string; unitPriceCents: number }[];
  currency: string;
  updatedAt: string;
}
