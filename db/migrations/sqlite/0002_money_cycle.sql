CREATE TABLE `pending_shares` (
	`charge_id` text NOT NULL,
	`share_role` text NOT NULL,
	`seller_account_id` text NOT NULL,
	`currency` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`bill_id` text NOT NULL,
	`collected_at` integer NOT NULL,
	PRIMARY KEY(`charge_id`, `share_role`),
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seller_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `consolidated_bills`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pending_shares_amount_positive" CHECK("pending_shares"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE INDEX `pending_shares_seller_idx` ON `pending_shares` (`seller_account_id`,`currency`,`charge_id`);--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`cron` text NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`next_run_at` integer NOT NULL,
	`last_run_id` text,
	`last_slot_at` integer,
	`last_started_at` integer,
	`last_finished_at` integer,
	`last_status` text,
	`last_result` text,
	`state` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seller_balances` (
	`seller_account_id` text NOT NULL,
	`currency` text NOT NULL,
	`owed_cents` integer DEFAULT 0 NOT NULL,
	`pending_cents` integer DEFAULT 0 NOT NULL,
	`pending_count` integer DEFAULT 0 NOT NULL,
	`paid_out_cents` integer DEFAULT 0 NOT NULL,
	`last_paid_at` integer,
	PRIMARY KEY(`seller_account_id`, `currency`),
	FOREIGN KEY (`seller_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "seller_balances_nonneg" CHECK("seller_balances"."owed_cents" >= 0 and "seller_balances"."pending_cents" >= 0 and "seller_balances"."pending_count" >= 0 and "seller_balances"."paid_out_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `seller_balances_pending_idx` ON `seller_balances` (`pending_cents`);--> statement-breakpoint
DROP INDEX `consolidated_bills_customer_period_uq`;--> statement-breakpoint
ALTER TABLE `consolidated_bills` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `consolidated_bills` ADD `number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `consolidated_bills` ADD `line_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `consolidated_bills` ADD `overdue_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `consolidated_bills_customer_period_seq_uq` ON `consolidated_bills` (`customer_account_id`,`period`,`currency`,`sequence`);--> statement-breakpoint
CREATE INDEX `consolidated_bills_status_due_idx` ON `consolidated_bills` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `consolidated_bills_period_idx` ON `consolidated_bills` (`period`,`sequence`);--> statement-breakpoint
DROP INDEX `disbursements_seller_idx`;--> statement-breakpoint
ALTER TABLE `disbursements` ADD `line_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `disbursements` ADD `completed_at` integer;--> statement-breakpoint
CREATE INDEX `disbursements_status_idx` ON `disbursements` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `disbursements_one_in_progress_uq` ON `disbursements` (`seller_account_id`,`currency`) WHERE status = 'in_progress';--> statement-breakpoint
CREATE INDEX `disbursements_seller_idx` ON `disbursements` (`seller_account_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `job_runs` ADD `scope` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `trigger` text DEFAULT 'console' NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `cursor` text;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `lease_expires_at` integer;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `heartbeat_at` integer;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `takeovers` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `error` text;--> statement-breakpoint
CREATE UNIQUE INDEX `job_runs_one_running_uq` ON `job_runs` (`kind`,`scope`) WHERE status = 'running';--> statement-breakpoint
CREATE INDEX `job_runs_kind_started_idx` ON `job_runs` (`kind`,`started_at`);--> statement-breakpoint
CREATE INDEX `disbursement_lines_disbursement_idx` ON `disbursement_lines` (`disbursement_id`,`id`);--> statement-breakpoint
CREATE INDEX `payments_bill_idx` ON `payments` (`bill_id`);--> statement-breakpoint
-- Backfill: what earlier versions kept implicitly becomes data.
UPDATE consolidated_bills SET number = 'B-' || replace(period, '-', '') || '-' || customer_account_id || '-' || (sequence + 1) || (CASE WHEN currency = 'USD' THEN '' ELSE '-' || currency END);
--> statement-breakpoint
UPDATE consolidated_bills SET line_count = (SELECT count(*) FROM charges WHERE charges.bill_id = consolidated_bills.id);
--> statement-breakpoint
CREATE UNIQUE INDEX `consolidated_bills_number_uq` ON `consolidated_bills` (`number`);
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
  SELECT c.isv_account_id AS seller, b.currency AS currency, c.isv_share_cents AS owed, 0 AS pending, 0 AS pending_n, 0 AS paid, NULL AS last_paid
  FROM charges c JOIN consolidated_bills b ON b.id = c.bill_id WHERE b.status = 'issued'
  UNION ALL
  SELECT c.partner_account_id, b.currency, c.partner_share_cents, 0, 0, 0, NULL
  FROM charges c JOIN consolidated_bills b ON b.id = c.bill_id WHERE b.status = 'issued'
  UNION ALL
  SELECT seller_account_id, currency, 0, amount_cents, 1, 0, NULL FROM pending_shares
  UNION ALL
  SELECT seller_account_id, currency, 0, 0, 0, amount_cents, created_at FROM disbursements WHERE status = 'completed'
) x
GROUP BY seller, currency;
--> statement-breakpoint
-- The ledger refuses every rewrite: INSERT OR REPLACE, REPLACE and upserts would delete
-- or update a posted entry without firing the update and delete triggers.
CREATE TRIGGER `ledger_entries_no_replace` BEFORE INSERT ON `ledger_entries`
WHEN EXISTS (SELECT 1 FROM `ledger_entries` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are append-only: post a reversing entry instead');
END;
--> statement-breakpoint
-- A paid bill is closed: its total and lines never change, and no charge lands on it.
CREATE TRIGGER `consolidated_bills_paid_closed` BEFORE UPDATE ON `consolidated_bills`
WHEN OLD.`status` = 'paid' AND (NEW.`total_cents` <> OLD.`total_cents` OR NEW.`line_count` <> OLD.`line_count` OR NEW.`status` <> 'paid')
BEGIN
  SELECT RAISE(ABORT, 'a paid bill is closed');
END;
--> statement-breakpoint
CREATE TRIGGER `charges_open_bill_only` BEFORE INSERT ON `charges`
WHEN (SELECT `status` FROM `consolidated_bills` WHERE `id` = NEW.`bill_id`) = 'paid'
BEGIN
  SELECT RAISE(ABORT, 'a paid bill is closed');
END;
