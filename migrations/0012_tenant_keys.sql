CREATE TABLE `encrypted_objects` (
	`tenant_id` text NOT NULL,
	`object_id` text NOT NULL,
	`purpose` text NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`kek_version` integer NOT NULL,
	`wrapped_data_key` text NOT NULL,
	`iv` text NOT NULL,
	`plaintext_sha256` text NOT NULL,
	`plaintext_bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `object_id`)
);
--> statement-breakpoint
CREATE INDEX `encrypted_objects_tenant_purpose` ON `encrypted_objects` (`tenant_id`,`purpose`,`created_at`);--> statement-breakpoint
CREATE TABLE `tenant_keys` (
	`tenant_id` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`wrapped_kek` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	`revoked_at` integer,
	PRIMARY KEY(`tenant_id`, `version`)
);
