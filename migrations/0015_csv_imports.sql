CREATE TABLE `import_chunks` (
	`tenant_id` text NOT NULL,
	`import_id` text NOT NULL,
	`part` integer NOT NULL,
	`first_row` integer NOT NULL,
	`rows` integer NOT NULL,
	`recorded` integer NOT NULL,
	`duplicates` integer NOT NULL,
	`failed` integer NOT NULL,
	`message_id` text NOT NULL,
	`done_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `import_id`, `part`, `first_row`)
);
--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_row_errors` (
	`tenant_id` text NOT NULL,
	`import_id` text NOT NULL,
	`row` integer NOT NULL,
	`field` text NOT NULL,
	`column` text NOT NULL,
	`reason` text NOT NULL,
	`value` text,
	PRIMARY KEY(`tenant_id`, `import_id`, `row`, `field`)
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`status` text NOT NULL,
	`file_name` text,
	`file_key` text NOT NULL,
	`bytes` integer NOT NULL,
	`rows_total` integer NOT NULL,
	`rows_staged` integer NOT NULL,
	`rows_done` integer NOT NULL,
	`rows_failed` integer NOT NULL,
	`recorded` integer NOT NULL,
	`duplicates` integer NOT NULL,
	`parts` integer NOT NULL,
	`cursor_part` integer NOT NULL,
	`cursor_row` integer NOT NULL,
	`mapping` text NOT NULL,
	`failure` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imports_tenant_file` ON `imports` (`tenant_id`,`file_key`);--> statement-breakpoint
CREATE INDEX `imports_tenant_created` ON `imports` (`tenant_id`,`created_at`);