ALTER TABLE `review_items` ADD `review_text_sealed` text;--> statement-breakpoint
ALTER TABLE `review_items` ADD `review_text_expires_at` integer;--> statement-breakpoint
CREATE INDEX `review_items_tenant_text_expiry` ON `review_items` (`tenant_id`,`review_text_expires_at`);