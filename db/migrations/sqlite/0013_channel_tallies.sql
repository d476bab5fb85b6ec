-- A vendor's channel, per partner (see `tallies` in db/schema.ts): invitations sent
-- (`channel.<isv>.<partner>.invited`) and accepted (`.joined`: accepted, or revoked after it), offers
-- extended (`.extended`: extended_at set) and accepted among them (`.won`). The vendor's channel page
-- read them by grouping every authorization and offer the vendor ever had, on every request.
CREATE TRIGGER `resale_authorizations_tally_insert` AFTER INSERT ON `resale_authorizations`
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.invited', 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `tallies` (`key`, `n`) SELECT 'channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.joined', 1 WHERE NEW.`status` IN ('accepted', 'revoked')
    ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `resale_authorizations_tally_delete` AFTER DELETE ON `resale_authorizations`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.invited';
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.joined' AND OLD.`status` IN ('accepted', 'revoked');
END;
--> statement-breakpoint
CREATE TRIGGER `resale_authorizations_tally_update` AFTER UPDATE OF `status`, `isv_account_id`, `partner_account_id` ON `resale_authorizations`
WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`isv_account_id` IS NOT NEW.`isv_account_id` OR OLD.`partner_account_id` IS NOT NEW.`partner_account_id`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.invited';
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.joined' AND OLD.`status` IN ('accepted', 'revoked');
  INSERT INTO `tallies` (`key`, `n`) VALUES ('channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.invited', 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `tallies` (`key`, `n`) SELECT 'channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.joined', 1 WHERE NEW.`status` IN ('accepted', 'revoked')
    ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `private_offers_tally_insert` AFTER INSERT ON `private_offers` WHEN NEW.`extended_at` IS NOT NULL
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.extended', 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `tallies` (`key`, `n`) SELECT 'channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.won', 1 WHERE NEW.`status` = 'accepted'
    ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `private_offers_tally_delete` AFTER DELETE ON `private_offers` WHEN OLD.`extended_at` IS NOT NULL
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.extended';
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.won' AND OLD.`status` = 'accepted';
END;
--> statement-breakpoint
-- Only when what is counted changes: an offer's edits and views leave the tallies alone.
CREATE TRIGGER `private_offers_tally_update` AFTER UPDATE OF `extended_at`, `status`, `isv_account_id`, `partner_account_id` ON `private_offers`
WHEN (OLD.`extended_at` IS NOT NULL) <> (NEW.`extended_at` IS NOT NULL) OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`isv_account_id` IS NOT NEW.`isv_account_id` OR OLD.`partner_account_id` IS NOT NEW.`partner_account_id`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.extended' AND OLD.`extended_at` IS NOT NULL;
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'channel.' || OLD.`isv_account_id` || '.' || OLD.`partner_account_id` || '.won' AND OLD.`extended_at` IS NOT NULL AND OLD.`status` = 'accepted';
  INSERT INTO `tallies` (`key`, `n`) SELECT 'channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.extended', 1 WHERE NEW.`extended_at` IS NOT NULL
    ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `tallies` (`key`, `n`) SELECT 'channel.' || NEW.`isv_account_id` || '.' || NEW.`partner_account_id` || '.won', 1 WHERE NEW.`extended_at` IS NOT NULL AND NEW.`status` = 'accepted'
    ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
-- Each vendor's agreements, as each partner's are (0012): the vendor's channel sales table counts them.
CREATE TRIGGER `agreements_isv_tally_insert` AFTER INSERT ON `agreements`
BEGIN
  INSERT INTO `tallies` (`key`, `n`) VALUES ('agreements.isv.' || NEW.`isv_account_id`, 1) ON CONFLICT (`key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_isv_tally_delete` AFTER DELETE ON `agreements`
BEGIN
  UPDATE `tallies` SET `n` = `n` - 1 WHERE `key` = 'agreements.isv.' || OLD.`isv_account_id`;
END;
--> statement-breakpoint
-- What is already there, counted once.
INSERT INTO `tallies` (`key`, `n`)
SELECT 'channel.' || `isv_account_id` || '.' || `partner_account_id` || '.invited', count(*) FROM `resale_authorizations` WHERE true GROUP BY `isv_account_id`, `partner_account_id`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`)
SELECT 'channel.' || `isv_account_id` || '.' || `partner_account_id` || '.joined', count(*) FROM `resale_authorizations` WHERE `status` IN ('accepted', 'revoked') GROUP BY `isv_account_id`, `partner_account_id`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`)
SELECT 'channel.' || `isv_account_id` || '.' || `partner_account_id` || '.extended', count(*) FROM `private_offers` WHERE `extended_at` IS NOT NULL GROUP BY `isv_account_id`, `partner_account_id`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`)
SELECT 'channel.' || `isv_account_id` || '.' || `partner_account_id` || '.won', count(*) FROM `private_offers` WHERE `extended_at` IS NOT NULL AND `status` = 'accepted' GROUP BY `isv_account_id`, `partner_account_id`;
--> statement-breakpoint
INSERT INTO `tallies` (`key`, `n`) SELECT 'agreements.isv.' || `isv_account_id`, count(*) FROM `agreements` WHERE true GROUP BY `isv_account_id`;
