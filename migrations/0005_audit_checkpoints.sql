CREATE TABLE `audit_checkpoints` (
	`tenant_id` text NOT NULL,
	`size` integer NOT NULL,
	`head_hash` text NOT NULL,
	`at` text NOT NULL,
	`note` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `size`)
);
