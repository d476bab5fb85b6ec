CREATE TABLE "pending_shares" (
	"charge_id" text NOT NULL,
	"share_role" text NOT NULL,
	"seller_account_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"bill_id" text NOT NULL,
	"collected_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "pending_shares_charge_id_share_role_pk" PRIMARY KEY("charge_id","share_role"),
	CONSTRAINT "pending_shares_amount_positive" CHECK ("pending_shares"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"cron" text NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"next_run_at" timestamp (3) with time zone NOT NULL,
	"last_run_id" text,
	"last_slot_at" timestamp (3) with time zone,
	"last_started_at" timestamp (3) with time zone,
	"last_finished_at" timestamp (3) with time zone,
	"last_status" text,
	"last_result" text,
	"state" jsonb,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seller_balances" (
	"seller_account_id" text NOT NULL,
	"currency" text NOT NULL,
	"owed_cents" bigint DEFAULT 0 NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"pending_count" integer DEFAULT 0 NOT NULL,
	"paid_out_cents" bigint DEFAULT 0 NOT NULL,
	"last_paid_at" timestamp (3) with time zone,
	CONSTRAINT "seller_balances_seller_account_id_currency_pk" PRIMARY KEY("seller_account_id","currency"),
	CONSTRAINT "seller_balances_nonneg" CHECK ("seller_balances"."owed_cents" >= 0 and "seller_balances"."pending_cents" >= 0 and "seller_balances"."pending_count" >= 0 and "seller_balances"."paid_out_cents" >= 0)
);
--> statement-breakpoint
DROP INDEX "consolidated_bills_customer_period_uq";--> statement-breakpoint
DROP INDEX "disbursements_seller_idx";--> statement-breakpoint
ALTER TABLE "consolidated_bills" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consolidated_bills" ADD COLUMN "number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "consolidated_bills" ADD COLUMN "line_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consolidated_bills" ADD COLUMN "overdue_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "line_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "completed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "scope" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "trigger" text DEFAULT 'console' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "cursor" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "lease_expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "heartbeat_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "takeovers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "pending_shares" ADD CONSTRAINT "pending_shares_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_shares" ADD CONSTRAINT "pending_shares_seller_account_id_accounts_id_fk" FOREIGN KEY ("seller_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_shares" ADD CONSTRAINT "pending_shares_bill_id_consolidated_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."consolidated_bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_balances" ADD CONSTRAINT "seller_balances_seller_account_id_accounts_id_fk" FOREIGN KEY ("seller_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_shares_seller_idx" ON "pending_shares" USING btree ("seller_account_id","currency","charge_id");--> statement-breakpoint
CREATE INDEX "seller_balances_pending_idx" ON "seller_balances" USING btree ("pending_cents");--> statement-breakpoint
CREATE UNIQUE INDEX "consolidated_bills_customer_period_seq_uq" ON "consolidated_bills" USING btree ("customer_account_id","period","currency","sequence");--> statement-breakpoint
CREATE INDEX "consolidated_bills_status_due_idx" ON "consolidated_bills" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "consolidated_bills_period_idx" ON "consolidated_bills" USING btree ("period","sequence");--> statement-breakpoint
CREATE INDEX "disbursement_lines_disbursement_idx" ON "disbursement_lines" USING btree ("disbursement_id","id");--> statement-breakpoint
CREATE INDEX "disbursements_status_idx" ON "disbursements" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursements_one_in_progress_uq" ON "disbursements" USING btree ("seller_account_id","currency") WHERE status = 'in_progress';--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_one_running_uq" ON "job_runs" USING btree ("kind","scope") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "job_runs_kind_started_idx" ON "job_runs" USING btree ("kind","started_at");--> statement-breakpoint
CREATE INDEX "payments_bill_idx" ON "payments" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "disbursements_seller_idx" ON "disbursements" USING btree ("seller_account_id","created_at");--> statement-breakpoint
-- Backfill: what earlier versions kept implicitly becomes data.
UPDATE consolidated_bills SET number = 'B-' || replace(period, '-', '') || '-' || customer_account_id || '-' || (sequence + 1) || (CASE WHEN currency = 'USD' THEN '' ELSE '-' || currency END);
--> statement-breakpoint
UPDATE consolidated_bills SET line_count = (SELECT count(*) FROM charges WHERE charges.bill_id = consolidated_bills.id);
--> statement-breakpoint
CREATE UNIQUE INDEX "consolidated_bills_number_uq" ON "consolidated_bills" USING btree ("number");
--> statement-breakpoint
UPDATE disbursements SET line_count = (SELECT count(*) FROM disbursement_lines WHERE disbursement_lines.disbursement_id = disbursements.id), completed_at = created_at WHERE status = 'completed';
--> statement-breakpoint
INSERT INTO pending_shares (charge_id, share_role, seller_account_id, currency, amount_cents, bill_id, collected_at)
SELECT c.id, 'isv', c.isv_account_id, b.currency, c.isv_share_cents, b.id, coalesce(b.paid_at, b.issued_at)
FROM charges c JOIN consolidated_bills b ON b.id = c.bill_id
WHERE b.status = 'paid' AND c.isv_share_cents > 0
  AND NOT EXISTS (SELECT 1 FROM disbursement_lines l WHERE l.charge_id = c.id AND l.share_role = 'isv');
--> statement-breakpoint
INSERT INTO pending_shares (charge_id, share_role, seller_account_id, currency, amount_cents, bill_id, collected_at)
SELECT c.id, 'partner', c.partner_account_id, b.currency, c.partner_share_cents, b.id, coalesce(b.paid_at, b.issued_at)
FROM charges c JOIN consolidated_bills b ON b.id = c.bill_id
WHERE b.status = 'paid' AND c.partner_share_cents > 0
  AND NOT EXISTS (SELECT 1 FROM disbursement_lines l WHERE l.charge_id = c.id AND l.share_role = 'partner');
--> statement-breakpoint
INSERT INTO seller_balances (seller_account_id, currency, owed_cents, pending_cents, pending_count, paid_out_cents, last_paid_at)
SELECT seller, currency, sum(owed), sum(pending), sum(pending_n), sum(paid), max(last_paid)
FROM (
  SELECT c.isv_account_id AS seller, b.currency AS currency, c.isv_share_cents AS owed, 0 AS pending, 0 AS pending_n, 0 AS paid, CAST(NULL AS timestamp(3) with time zone) AS last_paid
  FROM charges c JOIN consolidated_bills b ON b.id = c.bill_id WHERE b.status = 'issued'
  UNION ALL
  SELECT c.partner_account_id, b.currency, c.partner_share_cents, 0, 0, 0, CAST(NULL AS timestamp(3) with time zone)
  FROM charges c JOIN consolidated_bills b ON b.id = c.bill_id WHERE b.status = 'issued'
  UNION ALL
  SELECT seller_account_id, currency, 0, amount_cents, 1, 0, CAST(NULL AS timestamp(3) with time zone) FROM pending_shares
  UNION ALL
  SELECT seller_account_id, currency, 0, 0, 0, amount_cents, created_at FROM disbursements WHERE status = 'completed'
) x
GROUP BY seller, currency;
--> statement-breakpoint
-- A paid bill is closed: its total and lines never change, and no charge lands on it.
CREATE FUNCTION consolidated_bills_paid_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a paid bill is closed' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consolidated_bills_paid_closed BEFORE UPDATE ON consolidated_bills FOR EACH ROW
WHEN (OLD.status = 'paid' AND (NEW.total_cents <> OLD.total_cents OR NEW.line_count <> OLD.line_count OR NEW.status <> 'paid'))
EXECUTE FUNCTION consolidated_bills_paid_closed();
--> statement-breakpoint
CREATE FUNCTION charges_open_bill_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM consolidated_bills WHERE id = NEW.bill_id) = 'paid' THEN
    RAISE EXCEPTION 'a paid bill is closed' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER charges_open_bill_only BEFORE INSERT ON charges FOR EACH ROW EXECUTE FUNCTION charges_open_bill_only();
