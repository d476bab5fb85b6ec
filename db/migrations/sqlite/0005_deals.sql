DROP INDEX `opportunities_isv_idx`;--> statement-breakpoint
DROP INDEX `opportunities_partner_idx`;--> statement-breakpoint
ALTER TABLE `opportunities` ADD `expected_close_on` text;--> statement-breakpoint
ALTER TABLE `opportunities` ADD `decision_reason` text;--> statement-breakpoint
ALTER TABLE `opportunities` ADD `request_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `opportunities_request_key_uq` ON `opportunities` (`partner_account_id`,`request_key`);--> statement-breakpoint
CREATE INDEX `opportunities_isv_idx` ON `opportunities` (`isv_account_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `opportunities_partner_idx` ON `opportunities` (`partner_account_id`,`status`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_discount_requests` (
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
	`cancel_reason` text,
	`status_changed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`isv_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `private_offers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "discount_requests_discount_range" CHECK("additional_discount_bps" > 0 and "additional_discount_bps" < 10000),
	CONSTRAINT "discount_requests_dates" CHECK("ends_at" > "starts_at"),
	CONSTRAINT "discount_requests_markup" CHECK("markup_bps" is null or "markup_bps" between 0 and 100000)
);
--> statement-breakpoint
INSERT INTO `__new_discount_requests`("id", "opportunity_id", "isv_account_id", "partner_account_id", "customer_account_id", "additional_discount_bps", "markup_bps", "status", "offer_id", "starts_at", "ends_at", "status_changed_at", "created_at") SELECT "id", "opportunity_id", "isv_account_id", "partner_account_id", "customer_account_id", "additional_discount_bps", "markup_bps", "status", "offer_id", "starts_at", "ends_at", "created_at", "created_at" FROM `discount_requests`;--> statement-breakpoint
DROP TABLE `discount_requests`;--> statement-breakpoint
ALTER TABLE `__new_discount_requests` RENAME TO `discount_requests`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `discount_requests_opportunity_uq` ON `discount_requests` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `discount_requests_status_idx` ON `discount_requests` (`status`,`status_changed_at`);--> statement-breakpoint
CREATE INDEX `discount_requests_partner_idx` ON `discount_requests` (`partner_account_id`,`status`);--> statement-breakpoint
ALTER TABLE `private_offers` ADD `keyed_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `private_offers` ADD `available_from` integer;--> statement-breakpoint
CREATE INDEX `private_offers_discount_request_idx` ON `private_offers` (`discount_request_id`);