DROP INDEX `ledger_entries_account_idx`;--> statement-breakpoint
DROP INDEX `outbox_events_account_idx`;