CREATE TABLE `erp_connector_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`connector_id` text NOT NULL,
	`pull_id` text,
	`at` integer NOT NULL,
	`method` text NOT NULL,
	`endpoint` text NOT NULL,
	`operation` text,
	`status` integer,
	`outcome` text NOT NULL,
	`token_fingerprint` text,
	`scope` text NOT NULL,
	`duration_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `erp_connector_calls_tenant_connector` ON `erp_connector_calls` (`tenant_id`,`connector_id`,`at`);--> statement-breakpoint
CREATE INDEX `erp_connector_calls_tenant_at` ON `erp_connector_calls` (`tenant_id`,`at`);--> statement-breakpoint
CREATE TABLE `erp_connector_pulls` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`connector_id` text NOT NULL,
	`trigger` text NOT NULL,
	`requested_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`status` text NOT NULL,
	`documents` integer NOT NULL,
	`lines_new` integer NOT NULL,
	`lines_duplicate` integer NOT NULL,
	`lines_skipped` integer NOT NULL,
	`errors` text NOT NULL,
	`cursor_before` text,
	`cursor_after` text,
	`more` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `erp_connector_pulls_tenant_connector` ON `erp_connector_pulls` (`tenant_id`,`connector_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `erp_connectors` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`base_url` text NOT NULL,
	`token_url` text NOT NULL,
	`client_id` text NOT NULL,
	`scopes` text NOT NULL,
	`client_secret_sealed` text,
	`access_token_sealed` text,
	`access_token_expires_at` integer,
	`state` text NOT NULL,
	`since` text NOT NULL,
	`cursor` text,
	`pull_claim` text,
	`pull_claimed_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` text,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `erp_connectors_tenant_state` ON `erp_connectors` (`tenant_id`,`state`);