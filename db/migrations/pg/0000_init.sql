CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "accounts_id_12_digits" CHECK ("accounts"."id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"customer_account_id" text NOT NULL,
	"partner_account_id" text NOT NULL,
	"isv_account_id" text NOT NULL,
	"product_id" text NOT NULL,
	"status" text NOT NULL,
	"billing" text NOT NULL,
	"duration_months" integer NOT NULL,
	"currency" text NOT NULL,
	"fee_bps" integer NOT NULL,
	"list_cents_per_month" bigint NOT NULL,
	"wholesale_cents_per_month" bigint NOT NULL,
	"customer_cents_per_month" bigint NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "agreements_amounts_nonneg" CHECK ("agreements"."list_cents_per_month" >= 0 and "agreements"."wholesale_cents_per_month" >= 0 and "agreements"."customer_cents_per_month" >= 0),
	CONSTRAINT "agreements_dates" CHECK ("agreements"."ends_at" > "agreements"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" text,
	"actor_role" text,
	"account_id" text,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"before" jsonb,
	"after" jsonb,
	"outcome" text NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "authorization_items" (
	"id" text PRIMARY KEY NOT NULL,
	"authorization_id" text NOT NULL,
	"product_id" text NOT NULL,
	"discount_bps" integer NOT NULL,
	"additional_terms" text,
	CONSTRAINT "authorization_items_discount_range" CHECK ("authorization_items"."discount_bps" > 0 and "authorization_items"."discount_bps" < 10000)
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"bill_id" text NOT NULL,
	"period" text NOT NULL,
	"customer_account_id" text NOT NULL,
	"partner_account_id" text NOT NULL,
	"isv_account_id" text NOT NULL,
	"list_cents" bigint NOT NULL,
	"wholesale_cents" bigint NOT NULL,
	"customer_cents" bigint NOT NULL,
	"fee_cents" bigint NOT NULL,
	"isv_share_cents" bigint NOT NULL,
	"partner_share_cents" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "charges_amounts_nonneg" CHECK ("charges"."list_cents" >= 0 and "charges"."wholesale_cents" >= 0 and "charges"."customer_cents" >= 0 and "charges"."fee_cents" >= 0 and "charges"."isv_share_cents" >= 0 and "charges"."partner_share_cents" >= 0),
	CONSTRAINT "charges_split_balances" CHECK ("charges"."customer_cents" = "charges"."partner_share_cents" + "charges"."isv_share_cents" + "charges"."fee_cents")
);
--> statement-breakpoint
CREATE TABLE "consolidated_bills" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_account_id" text NOT NULL,
	"period" text NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"total_cents" bigint NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"paid_at" timestamp (3) with time zone,
	CONSTRAINT "consolidated_bills_total_nonneg" CHECK ("consolidated_bills"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "disbursement_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"disbursement_id" text NOT NULL,
	"charge_id" text NOT NULL,
	"share_role" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "disbursement_lines_amount_nonneg" CHECK ("disbursement_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_account_id" text NOT NULL,
	"run_id" text,
	"status" text NOT NULL,
	"hold_reason" text,
	"currency" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "disbursements_amount_nonneg" CHECK ("disbursements"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "discount_request_products" (
	"discount_request_id" text NOT NULL,
	"product_id" text NOT NULL,
	CONSTRAINT "discount_request_products_discount_request_id_product_id_pk" PRIMARY KEY("discount_request_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "discount_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"opportunity_id" text NOT NULL,
	"isv_account_id" text NOT NULL,
	"partner_account_id" text NOT NULL,
	"customer_account_id" text NOT NULL,
	"additional_discount_bps" integer NOT NULL,
	"markup_bps" integer,
	"status" text NOT NULL,
	"offer_id" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "discount_requests_discount_range" CHECK ("discount_requests"."additional_discount_bps" > 0 and "discount_requests"."additional_discount_bps" < 10000),
	CONSTRAINT "discount_requests_dates" CHECK ("discount_requests"."ends_at" > "discount_requests"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "fee_tiers" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"min_contract_cents" bigint NOT NULL,
	"fee_bps" integer NOT NULL,
	"effective_from" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "fee_tiers_bps_range" CHECK ("fee_tiers"."fee_bps" >= 0 and "fee_tiers"."fee_bps" < 10000),
	CONSTRAINT "fee_tiers_min_nonneg" CHECK ("fee_tiers"."min_contract_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text,
	"status" text NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"journal_id" text NOT NULL,
	"ledger_account" text NOT NULL,
	"party_account_id" text,
	"currency" text NOT NULL,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"charge_id" text,
	"payment_id" text,
	"disbursement_id" text,
	"memo" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "ledger_entries_one_side" CHECK (("ledger_entries"."debit_cents" > 0 and "ledger_entries"."credit_cents" = 0) or ("ledger_entries"."credit_cents" > 0 and "ledger_entries"."debit_cents" = 0))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"href" text,
	"read_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_dimensions" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"dimension_id" text NOT NULL,
	"unit_name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	CONSTRAINT "offer_dimensions_quantity" CHECK ("offer_dimensions"."quantity" >= 0),
	CONSTRAINT "offer_dimensions_price" CHECK ("offer_dimensions"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_account_id" text NOT NULL,
	"isv_account_id" text NOT NULL,
	"customer_account_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"expected_value_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "opportunities_value_nonneg" CHECK ("opportunities"."expected_value_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "opportunity_products" (
	"opportunity_id" text NOT NULL,
	"product_id" text NOT NULL,
	CONSTRAINT "opportunity_products_opportunity_id_product_id_pk" PRIMARY KEY("opportunity_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"bill_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"idempotency_key" text NOT NULL,
	"recorded_by_user_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "pricing_dimensions" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"unit_name" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "pricing_dimensions_price_nonneg" CHECK ("pricing_dimensions"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "private_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"authorization_id" text NOT NULL,
	"product_id" text NOT NULL,
	"partner_account_id" text NOT NULL,
	"isv_account_id" text NOT NULL,
	"customer_account_id" text NOT NULL,
	"discount_request_id" text,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"duration_months" integer NOT NULL,
	"billing" text NOT NULL,
	"discount_bps" integer NOT NULL,
	"additional_discount_bps" integer DEFAULT 0 NOT NULL,
	"markup_bps" integer NOT NULL,
	"fee_bps" integer,
	"partner_terms" text,
	"list_cents_per_month" bigint,
	"wholesale_cents_per_month" bigint,
	"customer_cents_per_month" bigint,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"extended_at" timestamp (3) with time zone,
	"accepted_at" timestamp (3) with time zone,
	"withdrawn_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "private_offers_duration" CHECK ("private_offers"."duration_months" between 1 and 60),
	CONSTRAINT "private_offers_markup" CHECK ("private_offers"."markup_bps" between 0 and 100000),
	CONSTRAINT "private_offers_discount" CHECK ("private_offers"."discount_bps" > 0 and "private_offers"."discount_bps" < 10000),
	CONSTRAINT "private_offers_extra_discount" CHECK ("private_offers"."additional_discount_bps" >= 0 and "private_offers"."additional_discount_bps" < 10000),
	CONSTRAINT "private_offers_amounts_nonneg" CHECK (coalesce("private_offers"."list_cents_per_month", 0) >= 0 and coalesce("private_offers"."wholesale_cents_per_month", 0) >= 0 and coalesce("private_offers"."customer_cents_per_month", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"isv_account_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"eula_text" text NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resale_authorizations" (
	"id" text PRIMARY KEY NOT NULL,
	"isv_account_id" text NOT NULL,
	"partner_account_id" text NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"use" text NOT NULL,
	"buyer_account_id" text,
	"offers_extended" integer DEFAULT 0 NOT NULL,
	"decline_reason" text,
	"responded_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "resale_authorizations_not_self" CHECK ("resale_authorizations"."isv_account_id" <> "resale_authorizations"."partner_account_id"),
	CONSTRAINT "resale_authorizations_uses_nonneg" CHECK ("resale_authorizations"."offers_extended" >= 0)
);
--> statement-breakpoint
CREATE TABLE "seller_registrations" (
	"account_id" text PRIMARY KEY NOT NULL,
	"legal_name" text,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"region" text,
	"postal_code" text,
	"country" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"profile_completed_at" timestamp (3) with time zone,
	"bank_account_holder" text,
	"bank_type" text,
	"bank_routing_number" text,
	"bank_account_number" text,
	"bank_iban" text,
	"bank_swift_bic" text,
	"bank_last4" text,
	"disbursement_currency" text,
	"disbursement_schedule" text,
	"disbursement_day" integer,
	"banking_completed_at" timestamp (3) with time zone,
	"tax_form" text,
	"tax_id" text,
	"tax_id_last4" text,
	"tax_country" text,
	"tax_completed_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"disabled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_offer_id_private_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."private_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_customer_account_id_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorization_items" ADD CONSTRAINT "authorization_items_authorization_id_resale_authorizations_id_fk" FOREIGN KEY ("authorization_id") REFERENCES "public"."resale_authorizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorization_items" ADD CONSTRAINT "authorization_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_bill_id_consolidated_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."consolidated_bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_customer_account_id_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidated_bills" ADD CONSTRAINT "consolidated_bills_customer_account_id_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD CONSTRAINT "disbursement_lines_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD CONSTRAINT "disbursement_lines_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_seller_account_id_accounts_id_fk" FOREIGN KEY ("seller_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_request_products" ADD CONSTRAINT "discount_request_products_discount_request_id_discount_requests_id_fk" FOREIGN KEY ("discount_request_id") REFERENCES "public"."discount_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_request_products" ADD CONSTRAINT "discount_request_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_requests" ADD CONSTRAINT "discount_requests_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_requests" ADD CONSTRAINT "discount_requests_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_requests" ADD CONSTRAINT "discount_requests_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_requests" ADD CONSTRAINT "discount_requests_customer_account_id_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_requests" ADD CONSTRAINT "discount_requests_offer_id_private_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."private_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_party_account_id_accounts_id_fk" FOREIGN KEY ("party_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_dimensions" ADD CONSTRAINT "offer_dimensions_offer_id_private_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."private_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_dimensions" ADD CONSTRAINT "offer_dimensions_dimension_id_pricing_dimensions_id_fk" FOREIGN KEY ("dimension_id") REFERENCES "public"."pricing_dimensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_customer_account_id_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_products" ADD CONSTRAINT "opportunity_products_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_products" ADD CONSTRAINT "opportunity_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_bill_id_consolidated_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."consolidated_bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pricing_dimensions" ADD CONSTRAINT "pricing_dimensions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_offers" ADD CONSTRAINT "private_offers_authorization_id_resale_authorizations_id_fk" FOREIGN KEY ("authorization_id") REFERENCES "public"."resale_authorizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_offers" ADD CONSTRAINT "private_offers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_offers" ADD CONSTRAINT "private_offers_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_offers" ADD CONSTRAINT "private_offers_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_offers" ADD CONSTRAINT "private_offers_customer_account_id_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_authorizations" ADD CONSTRAINT "resale_authorizations_isv_account_id_accounts_id_fk" FOREIGN KEY ("isv_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_authorizations" ADD CONSTRAINT "resale_authorizations_partner_account_id_accounts_id_fk" FOREIGN KEY ("partner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_authorizations" ADD CONSTRAINT "resale_authorizations_buyer_account_id_accounts_id_fk" FOREIGN KEY ("buyer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seller_registrations" ADD CONSTRAINT "seller_registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_type_idx" ON "accounts" USING btree ("type");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_offer_uq" ON "agreements" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "agreements_customer_idx" ON "agreements" USING btree ("customer_account_id");--> statement-breakpoint
CREATE INDEX "agreements_partner_idx" ON "agreements" USING btree ("partner_account_id");--> statement-breakpoint
CREATE INDEX "agreements_isv_idx" ON "agreements" USING btree ("isv_account_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_account_idx" ON "audit_events" USING btree ("account_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "authorization_items_uq" ON "authorization_items" USING btree ("authorization_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charges_agreement_period_uq" ON "charges" USING btree ("agreement_id","period");--> statement-breakpoint
CREATE INDEX "charges_bill_idx" ON "charges" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "charges_partner_idx" ON "charges" USING btree ("partner_account_id","period");--> statement-breakpoint
CREATE INDEX "charges_isv_idx" ON "charges" USING btree ("isv_account_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "consolidated_bills_customer_period_uq" ON "consolidated_bills" USING btree ("customer_account_id","period","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_lines_share_uq" ON "disbursement_lines" USING btree ("charge_id","share_role");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursements_reference_uq" ON "disbursements" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "disbursements_seller_idx" ON "disbursements" USING btree ("seller_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discount_requests_opportunity_uq" ON "discount_requests" USING btree ("opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_tiers_uq" ON "fee_tiers" USING btree ("kind","min_contract_cents","effective_from");--> statement-breakpoint
CREATE INDEX "ledger_entries_journal_idx" ON "ledger_entries" USING btree ("journal_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("ledger_account","party_account_id");--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_dimensions_uq" ON "offer_dimensions" USING btree ("offer_id","dimension_id");--> statement-breakpoint
CREATE INDEX "opportunities_isv_idx" ON "opportunities" USING btree ("isv_account_id","status");--> statement-breakpoint
CREATE INDEX "opportunities_partner_idx" ON "opportunities" USING btree ("partner_account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_uq" ON "payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "pricing_dimensions_product_unit_uq" ON "pricing_dimensions" USING btree ("product_id","unit_name");--> statement-breakpoint
CREATE INDEX "private_offers_customer_idx" ON "private_offers" USING btree ("customer_account_id","status");--> statement-breakpoint
CREATE INDEX "private_offers_partner_idx" ON "private_offers" USING btree ("partner_account_id","status");--> statement-breakpoint
CREATE INDEX "private_offers_authorization_idx" ON "private_offers" USING btree ("authorization_id");--> statement-breakpoint
CREATE INDEX "products_isv_idx" ON "products" USING btree ("isv_account_id");--> statement-breakpoint
CREATE INDEX "resale_authorizations_partner_idx" ON "resale_authorizations" USING btree ("partner_account_id","status");--> statement-breakpoint
CREATE INDEX "resale_authorizations_isv_idx" ON "resale_authorizations" USING btree ("isv_account_id","status");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_account_idx" ON "users" USING btree ("account_id");