DROP INDEX `agreements_customer_idx`;--> statement-breakpoint
DROP INDEX `agreements_partner_idx`;--> statement-breakpoint
DROP INDEX `agreements_isv_idx`;--> statement-breakpoint
CREATE INDEX `agreements_customer_idx` ON `agreements` (`customer_account_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `agreements_partner_idx` ON `agreements` (`partner_account_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `agreements_isv_idx` ON `agreements` (`isv_account_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `private_offers_partner_updated_idx` ON `private_offers` (`partner_account_id`,`updated_at`,`id`);