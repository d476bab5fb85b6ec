CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "accounts_id_12_digits" CHECK("accounts"."id" GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
);
--> statement-breakpoint
CREATE INDEX `accounts_type_idx` ON `accounts` (`type`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`offer_id` text NOT NULL,
	`customer_account_id` text NOT NULL,
	`partner_account_id` text NOT NULL,
	`isv_account_id` text NOT NULL,
	`product_id` text NOT NULL,
	`status` text NOT NULL,
	`billing` text NOT NULL,
	`duration_months` integer NOT NULL,
	`currency` text NOT NULL,
	`fee_bps` integer NOT NULL,
	`list_cents_per_month` integer NOT NULL,
	`wholesale_cents_per_month` integer NOT NULL,
	`customer_cents_per_month` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `private_offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreements_amounts_nonneg" CHECK("agreements"."list_cents_per_month" >= 0 and "agreements"."wholesale_cents_per_month" >= 0 and "agreements"."customer_cents_per_month" >= 0),
	CONSTRAINT "agreements_dates" CHECK("agreements"."ends_at" > "agreements"."starts_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_offer_uq` ON `agreements` (`offer_id`);--> statement-breakpoint
CREATE INDEX `agreements_customer_idx` ON `agreements` (`customer_account_id`);--> statement-breakpoint
CREATE INDEX `agreements_partner_idx` ON `agreements` (`partner_account_id`);--> statement-breakpoint
CREATE INDEX `agreements_isv_idx` ON `agreements` (`isv_account_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor_role` text,
	`account_id` text,
	`action` text NOT NULL,
	`object_type` text,
	`object_id` text,
	`before` text,
	`after` text,
	`outcome` text NOT NULL,
	`ip` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_account_idx` ON `audit_events` (`account_id`,`at`);--> statement-breakpoint
CREATE TABLE `authorization_items` (
	`id` text PRIMARY KEY NOT NULL,
	`authorization_id` text NOT NULL,
	`product_id` text NOT NULL,
	`discount_bps` integer NOT NULL,
	`additional_terms` text,
	FOREIGN KEY (`authorization_id`) REFERENCES `resale_authorizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "authorization_items_discount_range" CHECK("authorization_items"."discount_bps" > 0 and "authorization_items"."discount_bps" < 10000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authorization_items_uq` ON `authorization_items` (`authorization_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`period` text NOT NULL,
	`customer_account_id` text NOT NULL,
	`partner_account_id` text NOT NULL,
	`isv_account_id` text NOT NULL,
	`list_cents` integer NOT NULL,
	`wholesale_cents` integer NOT NULL,
	`customer_cents` integer NOT NULL,
	`fee_cents` integer NOT NULL,
	`isv_share_cents` integer NOT NULL,
	`partner_share_cents` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bill_id`) REFERENCES `consolidated_bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "charges_amounts_nonneg" CHECK("charges"."list_cents" >= 0 and "charges"."wholesale_cents" >= 0 and "charges"."customer_cents" >= 0 and "charges"."fee_cents" >= 0 and "charges"."isv_share_cents" >= 0 and "charges"."partner_share_cents" >= 0),
	CONSTRAINT "charges_split_balances" CHECK("charges"."customer_cents" = "charges"."partner_share_cents" + "charges"."isv_share_cents" + "charges"."fee_cents")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charges_agreement_period_uq` ON `charges` (`agreement_id`,`period`);--> statement-breakpoint
CREATE INDEX `charges_bill_idx` ON `charges` (`bill_id`);--> statement-breakpoint
CREATE INDEX `charges_partner_idx` ON `charges` (`partner_account_id`,`period`);--> statement-breakpoint
CREATE INDEX `charges_isv_idx` ON `charges` (`isv_account_id`,`period`);--> statement-breakpoint
CREATE TABLE `consolidated_bills` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_account_id` text NOT NULL,
	`period` text NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`total_cents` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`paid_at` integer,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consolidated_bills_total_nonneg" CHECK("consolidated_bills"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consolidated_bills_customer_period_uq` ON `consolidated_bills` (`customer_account_id`,`period`,`currency`);--> statement-breakpoint
CREATE TABLE `disbursement_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`disbursement_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`share_role` text NOT NULL,
	`amount_cents` integer NOT NULL,
	FOREIGN KEY (`disbursement_id`) REFERENCES `disbursements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "disbursement_lines_amount_nonneg" CHECK("disbursement_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disbursement_lines_share_uq` ON `disbursement_lines` (`charge_id`,`share_role`);--> statement-breakpoint
CREATE TABLE `disbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`seller_account_id` text NOT NULL,
	`run_id` text,
	`status` text NOT NULL,
	`hold_reason` text,
	`currency` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reference` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`seller_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "disbursements_amount_nonneg" CHECK("disbursements"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disbursements_reference_uq` ON `disbursements` (`reference`);--> statement-breakpoint
CREATE INDEX `disbursements_seller_idx` ON `disbursements` (`seller_account_id`);--> statement-breakpoint
CREATE TABLE `discount_request_products` (
	`discount_request_id` text NOT NULL,
	`product_id` text NOT NULL,
	PRIMARY KEY(`discount_request_id`, `product_id`),
	FOREIGN KEY (`discount_request_id`) REFERENCES `discount_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `discount_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`opportunity_id` text NOT NULL,
	`isv_account_id` text NOT NULL,
	`partner_account_id` text NOT NULL,
	`customer_account_id` text NOT NULL,
	`additional_discount_bps` integer NOT NULL,
	`markup_bps` integer,
	`status` text NOT NULL,
	`offer_id` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `private_offers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "discount_requests_discount_range" CHECK("discount_requests"."additional_discount_bps" > 0 and "discount_requests"."additional_discount_bps" < 10000),
	CONSTRAINT "discount_requests_dates" CHECK("discount_requests"."ends_at" > "discount_requests"."starts_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discount_requests_opportunity_uq` ON `discount_requests` (`opportunity_id`);--> statement-breakpoint
CREATE TABLE `fee_tiers` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`min_contract_cents` integer NOT NULL,
	`fee_bps` integer NOT NULL,
	`effective_from` integer NOT NULL,
	CONSTRAINT "fee_tiers_bps_range" CHECK("fee_tiers"."fee_bps" >= 0 and "fee_tiers"."fee_bps" < 10000),
	CONSTRAINT "fee_tiers_min_nonneg" CHECK("fee_tiers"."min_contract_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fee_tiers_uq` ON `fee_tiers` (`kind`,`min_contract_cents`,`effective_from`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`period` text,
	`status` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`summary` text,
	`started_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`journal_id` text NOT NULL,
	`ledger_account` text NOT NULL,
	`party_account_id` text,
	`currency` text NOT NULL,
	`debit_cents` integer NOT NULL,
	`credit_cents` integer NOT NULL,
	`charge_id` text,
	`payment_id` text,
	`disbursement_id` text,
	`memo` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`party_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disbursement_id`) REFERENCES `disbursements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_entries_one_side" CHECK(("ledger_entries"."debit_cents" > 0 and "ledger_entries"."credit_cents" = 0) or ("ledger_entries"."credit_cents" > 0 and "ledger_entries"."debit_cents" = 0))
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_journal_idx` ON `ledger_entries` (`journal_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_account_idx` ON `ledger_entries` (`ledger_account`,`party_account_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`href` text,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_account_idx` ON `notifications` (`account_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `offer_dimensions` (
	`id` text PRIMARY KEY NOT NULL,
	`offer_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`unit_name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `private_offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dimension_id`) REFERENCES `pricing_dimensions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "offer_dimensions_quantity" CHECK("offer_dimensions"."quantity" >= 0),
	CONSTRAINT "offer_dimensions_price" CHECK("offer_dimensions"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_dimensions_uq` ON `offer_dimensions` (`offer_id`,`dimension_id`);--> statement-breakpoint
CREATE TABLE `opportunities` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_account_id` text NOT NULL,
	`isv_account_id` text NOT NULL,
	`customer_account_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`expected_value_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "opportunities_value_nonneg" CHECK("opportunities"."expected_value_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `opportunities_isv_idx` ON `opportunities` (`isv_account_id`,`status`);--> statement-breakpoint
CREATE INDEX `opportunities_partner_idx` ON `opportunities` (`partner_account_id`,`status`);--> statement-breakpoint
CREATE TABLE `opportunity_products` (
	`opportunity_id` text NOT NULL,
	`product_id` text NOT NULL,
	PRIMARY KEY(`opportunity_id`, `product_id`),
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`bill_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`idempotency_key` text NOT NULL,
	`recorded_by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `consolidated_bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_idempotency_uq` ON `payments` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `pricing_dimensions` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`unit_name` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pricing_dimensions_price_nonneg" CHECK("pricing_dimensions"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pricing_dimensions_product_unit_uq` ON `pricing_dimensions` (`product_id`,`unit_name`);--> statement-breakpoint
CREATE TABLE `private_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`authorization_id` text NOT NULL,
	`product_id` text NOT NULL,
	`partner_account_id` text NOT NULL,
	`isv_account_id` text NOT NULL,
	`customer_account_id` text NOT NULL,
	`discount_request_id` text,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`duration_months` integer NOT NULL,
	`billing` text NOT NULL,
	`discount_bps` integer NOT NULL,
	`additional_discount_bps` integer DEFAULT 0 NOT NULL,
	`markup_bps` integer NOT NULL,
	`fee_bps` integer,
	`partner_terms` text,
	`list_cents_per_month` integer,
	`wholesale_cents_per_month` integer,
	`customer_cents_per_month` integer,
	`expires_at` integer NOT NULL,
	`extended_at` integer,
	`accepted_at` integer,
	`withdrawn_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`authorization_id`) REFERENCES `resale_authorizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "private_offers_duration" CHECK("private_offers"."duration_months" between 1 and 60),
	CONSTRAINT "private_offers_markup" CHECK("private_offers"."markup_bps" between 0 and 100000),
	CONSTRAINT "private_offers_discount" CHECK("private_offers"."discount_bps" > 0 and "private_offers"."discount_bps" < 10000),
	CONSTRAINT "private_offers_extra_discount" CHECK("private_offers"."additional_discount_bps" >= 0 and "private_offers"."additional_discount_bps" < 10000),
	CONSTRAINT "private_offers_amounts_nonneg" CHECK(coalesce("private_offers"."list_cents_per_month", 0) >= 0 and coalesce("private_offers"."wholesale_cents_per_month", 0) >= 0 and coalesce("private_offers"."customer_cents_per_month", 0) >= 0)
);
--> statement-breakpoint
CREATE INDEX `private_offers_customer_idx` ON `private_offers` (`customer_account_id`,`status`);--> statement-breakpoint
CREATE INDEX `private_offers_partner_idx` ON `private_offers` (`partner_account_id`,`status`);--> statement-breakpoint
CREATE INDEX `private_offers_authorization_idx` ON `private_offers` (`authorization_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`isv_account_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`eula_text` text NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `products_isv_idx` ON `products` (`isv_account_id`);--> statement-breakpoint
CREATE TABLE `resale_authorizations` (
	`id` text PRIMARY KEY NOT NULL,
	`isv_account_id` text NOT NULL,
	`partner_account_id` text NOT NULL,
	`status` text NOT NULL,
	`expires_at` integer NOT NULL,
	`ends_at` integer,
	`use` text NOT NULL,
	`buyer_account_id` text,
	`offers_extended` integer DEFAULT 0 NOT NULL,
	`decline_reason` text,
	`responded_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "resale_authorizations_not_self" CHECK("resale_authorizations"."isv_account_id" <> "resale_authorizations"."partner_account_id"),
	CONSTRAINT "resale_authorizations_uses_nonneg" CHECK("resale_authorizations"."offers_extended" >= 0)
);
--> statement-breakpoint
CREATE INDEX `resale_authorizations_partner_idx` ON `resale_authorizations` (`partner_account_id`,`status`);--> statement-breakpoint
CREATE INDEX `resale_authorizations_isv_idx` ON `resale_authorizations` (`isv_account_id`,`status`);--> statement-breakpoint
CREATE TABLE `seller_registrations` (
	`account_id` text PRIMARY KEY NOT NULL,
	`legal_name` text,
	`address_line1` text,
	`address_line2` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`country` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`profile_completed_at` integer,
	`bank_account_holder` text,
	`bank_type` text,
	`bank_routing_number` text,
	`bank_account_number` text,
	`bank_iban` text,
	`bank_swift_bic` text,
	`bank_last4` text,
	`disbursement_currency` text,
	`disbursement_schedule` text,
	`disbursement_day` integer,
	`banking_completed_at` integer,
	`tax_form` text,
	`tax_id` text,
	`tax_id_last4` text,
	`tax_country` text,
	`tax_completed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_email_idx` ON `sign_in_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_ip_idx` ON `sign_in_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_account_idx` ON `users` (`account_id`);