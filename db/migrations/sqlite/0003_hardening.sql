CREATE TABLE `throttle_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `pending_shares_seller_idx`;--> statement-breakpoint
CREATE INDEX `pending_shares_seller_idx` ON `pending_shares` (`seller_account_id`,`currency`,`collected_at`,`charge_id`);--> statement-breakpoint
ALTER TABLE `resale_authorizations` ADD `request_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `resale_authorizations_request_uq` ON `resale_authorizations` (`isv_account_id`,`request_key`);--> statement-breakpoint
ALTER TABLE `users` ADD `session_version` integer DEFAULT 0 NOT NULL;