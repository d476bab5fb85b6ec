CREATE TABLE "tallies" (
	"key" text PRIMARY KEY NOT NULL,
	"n" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Each tally moves in the statement that changes what it counts (see `tallies` in db/schema.ts): one
-- upsert per statement from its transition tables, so a bulk insert of 50,000 rows writes a tally
-- once, not 50,000 versions of one row. An update that moves nothing writes nothing (HAVING).
CREATE FUNCTION tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keyed text;
BEGIN
  -- TG_ARGV[0]: the SQL of a row's key over the alias r (null: the row is not counted).
  keyed := TG_ARGV[0];
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO tallies (key, n) SELECT k, count(*) FROM (SELECT %s AS k FROM new_rows r) c WHERE k IS NOT NULL GROUP BY k ON CONFLICT (key) DO UPDATE SET n = tallies.n + excluded.n', keyed);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO tallies (key, n) SELECT k, -count(*) FROM (SELECT %s AS k FROM old_rows r) c WHERE k IS NOT NULL GROUP BY k ON CONFLICT (key) DO UPDATE SET n = tallies.n + excluded.n', keyed);
  ELSE
    EXECUTE format('INSERT INTO tallies (key, n) SELECT k, sum(d) FROM (SELECT %1$s AS k, 1 AS d FROM new_rows r UNION ALL SELECT %1$s, -1 FROM old_rows r) c WHERE k IS NOT NULL GROUP BY k HAVING sum(d) <> 0 ON CONFLICT (key) DO UPDATE SET n = tallies.n + excluded.n', keyed);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_tally_insert AFTER INSERT ON accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''accounts.'' || r.type');
--> statement-breakpoint
CREATE TRIGGER accounts_tally_update AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''accounts.'' || r.type');
--> statement-breakpoint
CREATE TRIGGER accounts_tally_delete AFTER DELETE ON accounts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''accounts.'' || r.type');
--> statement-breakpoint
CREATE TRIGGER users_tally_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''users''');
--> statement-breakpoint
CREATE TRIGGER users_tally_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''users''');
--> statement-breakpoint
CREATE TRIGGER agreements_tally_insert AFTER INSERT ON agreements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''agreements.partner.'' || r.partner_account_id');
--> statement-breakpoint
CREATE TRIGGER agreements_tally_delete AFTER DELETE ON agreements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('''agreements.partner.'' || r.partner_account_id');
--> statement-breakpoint
-- A registered seller: an ISV or partner whose three registration steps are all done.
CREATE TRIGGER seller_registrations_tally_insert AFTER INSERT ON seller_registrations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.profile_completed_at IS NOT NULL AND r.banking_completed_at IS NOT NULL AND r.tax_completed_at IS NOT NULL AND (SELECT a.type FROM accounts a WHERE a.id = r.account_id) IN (''isv'', ''partner'') THEN ''sellers.registered'' END');
--> statement-breakpoint
CREATE TRIGGER seller_registrations_tally_update AFTER UPDATE ON seller_registrations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.profile_completed_at IS NOT NULL AND r.banking_completed_at IS NOT NULL AND r.tax_completed_at IS NOT NULL AND (SELECT a.type FROM accounts a WHERE a.id = r.account_id) IN (''isv'', ''partner'') THEN ''sellers.registered'' END');
--> statement-breakpoint
CREATE TRIGGER seller_registrations_tally_delete AFTER DELETE ON seller_registrations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('CASE WHEN r.profile_completed_at IS NOT NULL AND r.banking_completed_at IS NOT NULL AND r.tax_completed_at IS NOT NULL AND (SELECT a.type FROM accounts a WHERE a.id = r.account_id) IN (''isv'', ''partner'') THEN ''sellers.registered'' END');
--> statement-breakpoint
-- What is already there, counted once.
INSERT INTO tallies (key, n) SELECT 'accounts.' || type, count(*) FROM accounts GROUP BY type;
--> statement-breakpoint
INSERT INTO tallies (key, n) SELECT 'users', count(*) FROM users;
--> statement-breakpoint
INSERT INTO tallies (key, n) SELECT 'agreements.partner.' || partner_account_id, count(*) FROM agreements GROUP BY partner_account_id;
--> statement-breakpoint
INSERT INTO tallies (key, n)
SELECT 'sellers.registered', count(*) FROM seller_registrations s INNER JOIN accounts a ON a.id = s.account_id
WHERE a.type IN ('isv', 'partner') AND s.profile_completed_at IS NOT NULL AND s.banking_completed_at IS NOT NULL AND s.tax_completed_at IS NOT NULL;
