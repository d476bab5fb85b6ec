DROP INDEX "consolidated_bills_status_due_idx";--> statement-breakpoint
DROP INDEX "consolidated_bills_period_idx";--> statement-breakpoint
ALTER TABLE "period_totals" ADD COLUMN "overdue_bills" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "period_totals" ADD COLUMN "overdue_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "consolidated_bills_customer_status_idx" ON "consolidated_bills" USING btree ("customer_account_id","status");--> statement-breakpoint
CREATE INDEX "consolidated_bills_status_marked_due_idx" ON "consolidated_bills" USING btree ("status","overdue_at","due_at");--> statement-breakpoint
CREATE INDEX "private_offers_isv_idx" ON "private_offers" USING btree ("isv_account_id","partner_account_id","status","extended_at");--> statement-breakpoint
CREATE INDEX "consolidated_bills_period_idx" ON "consolidated_bills" USING btree ("period","sequence","id");--> statement-breakpoint
UPDATE period_totals SET
  overdue_bills = (SELECT count(*) FROM consolidated_bills b WHERE b.period = period_totals.period AND b.currency = period_totals.currency AND b.status = 'issued' AND b.overdue_at IS NOT NULL),
  overdue_cents = (SELECT coalesce(sum(b.total_cents), 0) FROM consolidated_bills b WHERE b.period = period_totals.period AND b.currency = period_totals.currency AND b.status = 'issued' AND b.overdue_at IS NOT NULL);
