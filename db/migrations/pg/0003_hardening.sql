CREATE TABLE "throttle_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "pending_shares_seller_idx";--> statement-breakpoint
ALTER TABLE "resale_authorizations" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resale_authorizations_request_uq" ON "resale_authorizations" USING btree ("isv_account_id","request_key");--> statement-breakpoint
CREATE INDEX "pending_shares_seller_idx" ON "pending_shares" USING btree ("seller_account_id","currency","collected_at","charge_id");