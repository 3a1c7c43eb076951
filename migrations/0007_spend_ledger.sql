CREATE TABLE `classification_versions` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`rule_version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant_rule_versions` (
	`tenant_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`match` text NOT NULL,
	`naics` text NOT NULL,
	`enabled` integer NOT NULL,
	`changed_at` integer NOT NULL,
	`changed_by` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `rule_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `tenant_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`match` text NOT NULL,
	`naics` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tenant_rules_tenant_kind` ON `tenant_rules` (`tenant_id`,`kind`);--> statement-breakpoint
CREATE TABLE `supplier_factors` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`supplier` text NOT NULL,
	`kg_per_usd` real,
	`kg_per_unit` real,
	`unit` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`source` text NOT NULL,
	`source_document` text,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `supplier_factors_tenant_supplier` ON `supplier_factors` (`tenant_id`,`supplier`);--> statement-breakpoint
CREATE TABLE `spend_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`source` text NOT NULL,
	`team_id` text,
	`recorded_by` text NOT NULL,
	`date` text NOT NULL,
	`month` text NOT NULL,
	`supplier` text,
	`supplier_key` text NOT NULL,
	`gl_account` text,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	`amount_usd` real,
	`quantity` real,
	`description_hash` text NOT NULL,
	`erp_line_id` text,
	`dedup_key` text NOT NULL,
	`status` text NOT NULL,
	`naics` text,
	`confidence` real NOT NULL,
	`calculation_method` text,
	`classification_source` text,
	`kg_co2e` real,
	`estimate` text NOT NULL,
	`rule_version` integer NOT NULL,
	`needs_review` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spend_lines_tenant_dedup` ON `spend_lines` (`tenant_id`,`dedup_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `spend_lines_tenant_erp_line` ON `spend_lines` (`tenant_id`,`erp_line_id`);--> statement-breakpoint
CREATE INDEX `spend_lines_tenant_month` ON `spend_lines` (`tenant_id`,`month`);--> statement-breakpoint
CREATE INDEX `spend_lines_tenant_hash` ON `spend_lines` (`tenant_id`,`description_hash`);--> statement-breakpoint
CREATE INDEX `spend_lines_tenant_supplier` ON `spend_lines` (`tenant_id`,`supplier_key`);--> statement-breakpoint
CREATE TABLE `review_items` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`spend_line_id` text,
	`description_hash` text,
	`supplier` text,
	`gl_account` text,
	`amount` real,
	`currency` text,
	`naics` text,
	`confidence` real,
	`candidates` text NOT NULL,
	`suggested_naics` text,
	`reason` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`resolved_naics` text,
	`rule_id` text
);
--> statement-breakpoint
CREATE INDEX `review_items_tenant_status` ON `review_items` (`tenant_id`,`status`);--> statement-breakpoint
CREATE INDEX `review_items_tenant_line` ON `review_items` (`tenant_id`,`spend_line_id`);