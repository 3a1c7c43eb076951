CREATE TABLE `periods` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`status` text NOT NULL,
	`signed_off_by` text,
	`signed_off_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `periods_tenant_end` ON `periods` (`tenant_id`,`end_date`);