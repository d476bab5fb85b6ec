-- Payouts completed per month, kept with the period's other figures (lib/reports/totals.ts addPaidOut): the
-- marketplace overview grouped every completed payout by month on each request. Backfilled from the payouts.
ALTER TABLE "period_totals" ADD COLUMN "paid_out_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "period_totals" ADD COLUMN "payouts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
INSERT INTO "period_totals" ("period", "currency", "paid_out_cents", "payouts")
SELECT to_char("completed_at" at time zone 'UTC', 'YYYY-MM'), "currency", sum("amount_cents"), count(*)
FROM "disbursements" WHERE "status" = 'completed' GROUP BY 1, 2
ON CONFLICT ("period", "currency") DO UPDATE SET "paid_out_cents" = excluded."paid_out_cents", "payouts" = excluded."payouts";
