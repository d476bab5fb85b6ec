CREATE TABLE `tallies` (
	`key` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Each tally moves in the statement that changes what it counts (see `tallies` in db/schema.ts).
CREATE TRIGGER `accounts_tally_insert` AFTER INSERT ON `accounts`
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('accounts.' || NEW.`type`, 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_tally_delete` AFTER DELETE ON `accounts`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'accounts.' || OLD.`type`;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_tally_update` AFTER UPDATE OF `type` ON `accounts` WHEN OLD.`type` <> NEW.`type`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'accounts.' || OLD.`type`;
  INSERT INTO `tallies` (`key`, `n`) VALUES ('accounts.' || NEW.`type`, 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_tally_insert` AFTER INSERT ON `users`
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('users', 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_tally_delete` AFTER DELETE ON `users`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_tally_insert` AFTER INSERT ON `agreements`
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('agreements.partner.' || NEW.`partner_account_id`, 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_tally_delete` AFTER DELETE ON `agreements`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'agreements.partner.' || OLD.`partner_account_id`;
END;
--> statement-breakpoint
-- A registered seller: an ISV or partner whose three registration steps are all done.
CREATE TRIGGER `seller_registrations_tally_insert` AFTER INSERT ON `seller_registrations`
WHEN NEW.`profile_completed_at` IS NOT NULL AND NEW.`banking_completed_at` IS NOT NULL AND NEW.`tax_completed_at` IS NOT NULL
  AND (SELECT `type` FROM `accounts` WHERE `id` = NEW.`account_id`) IN ('isv', 'partner')
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('sellers.registered', 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `seller_registrations_tally_update` AFTER UPDATE ON `seller_registrations`
WHEN (NEW.`profile_completed_at` IS NOT NULL AND NEW.`banking_completed_at` IS NOT NULL AND NEW.`tax_completed_at` IS NOT NULL)
  <> (OLD.`profile_completed_at` IS NOT NULL AND OLD.`banking_completed_at` IS NOT NULL AND OLD.`tax_completed_at` IS NOT NULL)
  AND (SELECT `type` FROM `accounts` WHERE `id` = NEW.`account_id`) IN ('isv', 'partner')
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('sellers.registered', CASE WHEN NEW.`tax_completed_at` IS NOT NULL AND NEW.`banking_completed_at` IS NOT NULL AND NEW.`profile_completed_at` IS NOT NULL THEN 1 ELSE -1 END)
    ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `seller_registrations_tally_delete` AFTER DELETE ON `seller_registrations`
WHEN OLD.`profile_completed_at` IS NOT NULL AND OLD.`banking_completed_at` IS NOT NULL AND OLD.`tax_completed_at` IS NOT NULL
  AND (SELECT `type` FROM `accounts` WHERE `id` = OLD.`account_id`) IN ('isv', 'partner')
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'sellers.registered';
END;
--> statement-breakpoint
-- What is already there, counted once.
INSERT INTO `tallies` (`key`, `n`) SELECT 'accounts.' || `type`, count(*) FROM `accounts` GROUP BY `type`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`) SELECT 'users', count(*) FROM `users`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`) SELECT 'agreements.partner.' || `partner_account_id`, count(*) FROM `agreements` GROUP BY `partner_account_id`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`)
SELECT 'sellers.registered', count(*) FROM `seller_registrations` s INNER JOIN `accounts` a ON a.`id` = s.`account_id`
WHERE a.`type` IN ('isv', 'partner') AND s.`profile_completed_at` IS NOT NULL AND s.`banking_completed_at` IS NOT NULL AND s.`tax_completed_at` IS NOT NULL;
