DROP INDEX "opportunities_isv_idx";--> statement-breakpoint
DROP INDEX "opportunities_partner_idx";--> statement-breakpoint
ALTER TABLE "discount_requests" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "discount_requests" ADD COLUMN "status_changed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "expected_close_on" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "private_offers" ADD COLUMN "keyed_by_user_id" text;--> statement-breakpoint
ALTER TABLE "private_offers" ADD COLUMN "available_from" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "private_offers" ADD CONSTRAINT "private_offers_keyed_by_user_id_users_id_fk" FOREIGN KEY ("keyed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discount_requests_status_idx" ON "discount_requests" USING btree ("status","status_changed_at");--> statement-breakpoint
CREATE INDEX "discount_requests_partner_idx" ON "discount_requests" USING btree ("partner_account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_request_key_uq" ON "opportunities" USING btree ("partner_account_id","request_key");--> statement-breakpoint
CREATE INDEX "private_offers_discount_request_idx" ON "private_offers" USING btree ("discount_request_id");--> statement-breakpoint
CREATE INDEX "opportunities_isv_idx" ON "opportunities" USING btree ("isv_account_id","status","created_at");--> statement-breakpoint
CREATE INDEX "opportunities_partner_idx" ON "opportunities" USING btree ("partner_account_id","status","created_at");--> statement-breakpoint
ALTER TABLE "discount_requests" ADD CONSTRAINT "discount_requests_markup" CHECK ("discount_requests"."markup_bps" is null or "discount_requests"."markup_bps" between 0 and 100000);