CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`version` integer NOT NULL,
	`supersedes_id` text,
	`period_id` text NOT NULL,
	`period_name` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`period_status` text NOT NULL,
	`status` text NOT NULL,
	`prepared_by` text NOT NULL,
	`prepared_at` integer NOT NULL,
	`submitted_by` text,
	`submitted_at` integer,
	`decided_by` text,
	`decided_at` integer,
	`decision_comment` text,
	`rule_version` integer NOT NULL,
	`factor_sets` text NOT NULL,
	`kg_co2e` real NOT NULL,
	`spend_usd` real NOT NULL,
	`line_count` integer NOT NULL,
	`unestimated_count` integer NOT NULL,
	`artefacts` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reports_tenant_period` ON `reports` (`tenant_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `reports_tenant_prepared` ON `reports` (`tenant_id`,`prepared_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_tenant_supersedes` ON `reports` (`tenant_id`,`supersedes_id`);--> statement-breakpoint
-- Reports follow draft → submitted → approved | rejected, and nothing else: the database refuses
-- any other change, so an approved (or rejected) report cannot be altered even by a direct write,
-- and a transition never rewrites what the report was computed from. One statement per trigger,
-- with a WHEN clause, so remote migration apply does not split it.
CREATE TRIGGER reports_workflow BEFORE UPDATE ON reports
WHEN NOT (
  ((OLD.status = 'draft' AND NEW.status = 'submitted') OR (OLD.status = 'submitted' AND NEW.status IN ('approved', 'rejected')))
  AND NEW.id IS OLD.id AND NEW.tenant_id IS OLD.tenant_id AND NEW.version IS OLD.version
  AND NEW.supersedes_id IS OLD.supersedes_id AND NEW.period_id IS OLD.period_id
  AND NEW.period_start IS OLD.period_start AND NEW.period_end IS OLD.period_end
  AND NEW.prepared_by IS OLD.prepared_by AND NEW.prepared_at IS OLD.prepared_at
  AND NEW.rule_version IS OLD.rule_version AND NEW.factor_sets IS OLD.factor_sets
  AND NEW.kg_co2e IS OLD.kg_co2e AND NEW.spend_usd IS OLD.spend_usd
  AND NEW.line_count IS OLD.line_count AND NEW.unestimated_count IS OLD.unestimated_count
  AND NEW.artefacts IS OLD.artefacts
)
BEGIN SELECT RAISE(ABORT, 'spendprint:report-final'); END;
--> statement-breakpoint
-- Only drafts may be deleted, except when the tenant's purge runs (it sets purge_completed_at first).
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
WHEN OLD.status <> 'draft'
  AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id AND purge_completed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'spendprint:report-final'); END;
--> statement-breakpoint
-- A report's stored artefact may only be re-wrapped (key rotation), never repointed or removed.
CREATE TRIGGER report_objects_no_update BEFORE UPDATE ON encrypted_objects
WHEN OLD.purpose = 'report' AND (
  NEW.purpose IS NOT OLD.purpose OR NEW.object_id IS NOT OLD.object_id
  OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.r2_key IS NOT OLD.r2_key OR NEW.iv IS NOT OLD.iv
  OR NEW.content_type IS NOT OLD.content_type OR NEW.plaintext_sha256 IS NOT OLD.plaintext_sha256
  OR NEW.plaintext_bytes IS NOT OLD.plaintext_bytes
)
BEGIN SELECT RAISE(ABORT, 'spendprint:report-final'); END;
--> statement-breakpoint
CREATE TRIGGER report_objects_no_delete BEFORE DELETE ON encrypted_objects
WHEN OLD.purpose = 'report'
  AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id AND purge_completed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'spendprint:report-final'); END;
