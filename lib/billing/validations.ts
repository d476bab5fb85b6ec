import { z } from "zod";
import { isPeriod } from "@/lib/billing/periods";
import { plainText } from "@/lib/validation";

export const periodSchema = z.object({
  period: z.string({ message: "Choose a period" }).trim().refine(isPeriod, "A period is a month, written YYYY-MM"),
});

const idempotencyKey = z
  .string({ message: "Missing payment key; reload the page" })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, "Invalid payment key; reload the page");

export const payBillSchema = z.object({ billId: z.string().min(1).max(40), idempotencyKey });

export const bankTransferSchema = z.object({
  billId: z.string().min(1).max(40),
  idempotencyKey,
  reference: plainText("Bank reference", { min: 4, max: 64 }),
});
