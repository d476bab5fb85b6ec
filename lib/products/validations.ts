import { z } from "zod";
import { parseMoneyToCents } from "@/lib/money";
import { MAX_DIMENSIONS } from "@/lib/products/limits";
import { multiLine, objectId, plainText } from "@/lib/validation";

const dimension = z.object({
  /** Present when editing an existing dimension. */
  id: objectId("Dimension").optional(),
  unitName: plainText("Unit name", { max: 40 }),
  /** Dollars as typed, e.g. "1,250.00": at most two decimals, no sign. */
  price: z
    .string({ message: "Price is required" })
    .trim()
    .min(1, "Price is required")
    .refine((v) => parseMoneyToCents(v) !== null, "Enter a price like 125 or 1,250.50 (dollars, two decimals at most)")
    .refine((v) => (parseMoneyToCents(v) ?? 0) <= 100_000_000_00, "At most $100,000,000 per unit per month"),
});

export const productSchema = z
  .object({
    name: plainText("Name", { min: 2, max: 120 }),
    description: multiLine("Description", { min: 1, max: 2000 }),
    eulaText: multiLine("EULA text", { min: 20, max: 50_000 }),
    dimensions: z
      .array(dimension, { message: "Add at least one pricing dimension" })
      .min(1, "Add at least one pricing dimension")
      .max(MAX_DIMENSIONS, `At most ${MAX_DIMENSIONS} pricing dimensions`),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.dimensions.forEach((d, i) => {
      const key = d.unitName.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["dimensions", i, "unitName"], message: "Each unit name must be different" });
      seen.add(key);
    });
  });

export const updateProductSchema = z.object({ productId: objectId("Product"), product: productSchema });

export type ProductInput = z.input<typeof productSchema>;
