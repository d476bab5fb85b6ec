CREATE TABLE "charge_rollups" (
	"isv_account_id" text NOT NULL,
	"partner_account_id" text NOT NULL,
	"product_id" text NOT NULL,
	"period" text NOT NULL,
	"currency" text NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"list_cents" bigint DEFAULT 0 NOT NULL,
	"wholesale_cents" bigint DEFAULT 0 NOT NULL,
	"customer_cents" bigint DEFAULT 0 NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"isv_share_cents" bigint DEFAULT 0 NOT NULL,
	"partner_share_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "charge_rollups_isv_account_id_period_partner_account_id_product_id_currency_pk" PRIMARY KEY("isv_account_id","period","partner_account_id","product_id","currency")
);
--> statement-breakpoint
CREATE TABLE "ledger_totals" (
	"ledger_account" text NOT NULL,
	"currency" text NOT NULL,
	"debit_cents" bigint DEFAULT 0 NOT NULL,
	"credit_cents" bigint DEFAULT 0 NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_totals_ledger_account_currency_pk" PRIMARY KEY("ledger_account","currency"),
	CONSTRAINT "ledger_totals_nonneg" CHECK ("ledger_totals"."debit_cents" >= 0 and "ledger_totals"."credit_cents" >= 0 and "ledger_totals"."entries" >= 0)
);
--> statement-breakpoint
CREATE TABLE "period_totals" (
	"period" text NOT NULL,
	"currency" text NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"billed_cents" bigint DEFAULT 0 NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"collected_cents" bigint DEFAULT 0 NOT NULL,
	"bills" integer DEFAULT 0 NOT NULL,
	"bills_paid" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "period_totals_period_currency_pk" PRIMARY KEY("period","currency")
);
--> statement-breakpoint
DROP INDEX "charges_partner_idx";--> statement-breakpoint
DROP INDEX "charges_isv_idx";--> statement-breakpoint
ALTER TABLE "charge_rollups" ADD CONSTRAINT "charge_rollups_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_rollups" ADD CONSTRAINT "charge_rollups_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_rollups" ADD CONSTRAINT "charge_rollups_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charge_rollups_partner_idx" ON "charge_rollups" USING btree ("partner_account_id","period");--> statement-breakpoint
CREATE INDEX "charge_rollups_period_idx" ON "charge_rollups" USING btree ("period");--> statement-breakpoint
CREATE INDEX "charges_customer_idx" ON "charges" USING btree ("customer_account_id","period");--> statement-breakpoint
CREATE INDEX "charges_period_idx" ON "charges" USING btree ("period","id");--> statement-breakpoint
CREATE INDEX "charges_partner_idx" ON "charges" USING btree ("partner_account_id","period","id");--> statement-breakpoint
CREATE INDEX "charges_isv_idx" ON "charges" USING btree ("isv_account_id","period","id");--> statement-breakpoint
INSERT INTO ledger_totals (ledger_account, currency, debit_cents, credit_cents, entries)
SELECT ledger_account, currency, sum(debit_cents), sum(credit_cents), count(*) FROM ledger_entries GROUP BY ledger_account, currency;--> statement-breakpoint
INSERT INTO charge_rollups (isv_account_id, partner_account_id, product_id, period, currency, line_count, list_cents, wholesale_cents, customer_cents, fee_cents, isv_share_cents, partner_share_cents)
SELECT c.isv_account_id, c.partner_account_id, a.product_id, c.period, a.currency, count(*), sum(c.list_cents), sum(c.wholesale_cents), sum(c.customer_cents), sum(c.fee_cents), sum(c.isv_share_cents), sum(c.partner_share_cents)
FROM charges c JOIN agreements a ON a.id = c.agreement_id
GROUP BY c.isv_account_id, c.partner_account_id, a.product_id, c.period, a.currency;--> statement-breakpoint
INSERT INTO period_totals (period, currency, line_count, billed_cents, fee_cents, collected_cents, bills, bills_paid)
SELECT b.period, b.currency, sum(b.line_count), sum(b.total_cents),
  coalesce((SELECT sum(c.fee_cents) FROM charges c JOIN consolidated_bills cb ON cb.id = c.bill_id WHERE cb.period = b.period AND cb.currency = b.currency), 0),
  sum(CASE WHEN b.status = 'paid' THEN b.total_cents ELSE 0 END), count(*), sum(CASE WHEN b.status = 'paid' THEN 1 ELSE 0 END)
FROM consolidated_bills b GROUP BY b.period, b.currency;
