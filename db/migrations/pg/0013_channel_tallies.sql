-- A vendor's channel, per partner (see `tallies` in db/schema.ts): invitations sent
-- (`channel.<isv>.<partner>.invited`) and accepted (`.joined`: accepted, or revoked after it), offers
-- extended (`.extended`: extended_at set) and accepted among them (`.won`), each kept by tally_rows
-- (0012_tallies) once per statement. The vendor's channel page read them by grouping every
-- authorization and offer the vendor ever had, on every request; it reads one vendor's by a range of
-- keys, so keys compare byte by byte whatever the database's collation (a linguistic one may skip the
-- dots between the parts).
ALTER TABLE tallies ALTER COLUMN key SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
CREATE TRIGGER resale_authorizations_tally_insert AFTER INSERT ON resale_authorizations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.invited''');
--> statement-breakpoint
CREATE TRIGGER resale_authorizations_tally_update AFTER UPDATE ON resale_authorizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.invited''');
--> statement-breakpoint
CREATE TRIGGER resale_authorizations_tally_delete AFTER DELETE ON resale_authorizations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.invited''');
--> statement-breakpoint
CREATE TRIGGER resale_authorizations_joined_tally_insert AFTER INSERT ON resale_authorizations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.status IN (''accepted'', ''revoked'') THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.joined'' END');
--> statement-breakpoint
CREATE TRIGGER resale_authorizations_joined_tally_update AFTER UPDATE ON resale_authorizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.status IN (''accepted'', ''revoked'') THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.joined'' END');
--> statement-breakpoint
CREATE TRIGGER resale_authorizations_joined_tally_delete AFTER DELETE ON resale_authorizations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.status IN (''accepted'', ''revoked'') THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.joined'' END');
--> statement-breakpoint
CREATE TRIGGER private_offers_tally_insert AFTER INSERT ON private_offers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.extended_at IS NOT NULL THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.extended'' END');
--> statement-breakpoint
CREATE TRIGGER private_offers_tally_update AFTER UPDATE ON private_offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.extended_at IS NOT NULL THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.extended'' END');
--> statement-breakpoint
CREATE TRIGGER private_offers_tally_delete AFTER DELETE ON private_offers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.extended_at IS NOT NULL THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.extended'' END');
--> statement-breakpoint
CREATE TRIGGER private_offers_won_tally_insert AFTER INSERT ON private_offers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.extended_at IS NOT NULL AND r.status = ''accepted'' THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.won'' END');
--> statement-breakpoint
CREATE TRIGGER private_offers_won_tally_update AFTER UPDATE ON private_offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.extended_at IS NOT NULL AND r.status = ''accepted'' THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.won'' END');
--> statement-breakpoint
CREATE TRIGGER private_offers_won_tally_delete AFTER DELETE ON private_offers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.extended_at IS NOT NULL AND r.status = ''accepted'' THEN ''channel.'' || r.isv_account_id || ''.'' || r.partner_account_id || ''.won'' END');
--> statement-breakpoint
-- Each vendor's agreements, as each partner's are (0012): the vendor's channel sales table counts them.
CREATE TRIGGER agreements_isv_tally_insert AFTER INSERT ON agreements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''agreements.isv.'' || r.isv_account_id');
--> statement-breakpoint
CREATE TRIGGER agreements_isv_tally_delete AFTER DELETE ON agreements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''agreements.isv.'' || r.isv_account_id');
--> statement-breakpoint
-- What is already there, counted once.
INSERT INTO tallies (key, n)
SELECT 'channel.' || isv_account_id || '.' || partner_account_id || '.invited', count(*) FROM resale_authorizations GROUP BY isv_account_id, partner_account_id;
--> statement-breakpoint
INSERT INTO tallies (key, n)
SELECT 'channel.' || isv_account_id || '.' || partner_account_id || '.joined', count(*) FROM resale_authorizations WHERE status IN ('accepted', 'revoked') GROUP BY isv_account_id, partner_account_id;
--> statement-breakpoint
INSERT INTO tallies (key, n)
SELECT 'channel.' || isv_account_id || '.' || partner_account_id || '.extended', count(*) FROM private_offers WHERE extended_at IS NOT NULL GROUP BY isv_account_id, partner_account_id;
--> statement-breakpoint
INSERT INTO tallies (key, n)
SELECT 'channel.' || isv_account_id || '.' || partner_account_id || '.won', count(*) FROM private_offers WHERE extended_at IS NOT NULL AND status = 'accepted' GROUP BY isv_account_id, partner_account_id;
--> statement-breakpoint
INSERT INTO tallies (key, n) SELECT 'agreements.isv.' || isv_account_id, count(*) FROM agreements GROUP BY isv_account_id;
