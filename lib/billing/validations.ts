import { z } from "zod";
import { isPeriod } from "@/lib/billing/periods";
import { objectId, plainText } from "@/lib/validation";

export const periodSchema = z.object({
  period: z.string({ message: "Choose a period" }).trim().refine(isPeriod, "A period is a month, written YYYY-MM"),
});

const idempotencyKey = z
  .string({ message: "Missing payment key; reload the page" })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "Invalid payment key; reload the page");

export const payBillSchema = z.object({ billId: objectId("Bill"), idempotencyKey });

export const bankTransferSchema = z.object({
  billId: objectId("Bill"),
  idempotencyKey,
  reference: plainText("Bank reference", { min: 4, max: 64 }),
});
