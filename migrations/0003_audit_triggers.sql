-- The audit log is append-only. Each trigger body is one statement with a WHEN clause, so
-- remote migration apply does not split it.
-- UPDATE is refused unless it only erases the personal details (which the chain covers by hash).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  NEW.personal IS NULL
  AND NEW.tenant_id IS OLD.tenant_id AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at
  AND NEW.actor IS OLD.actor AND NEW.action IS OLD.action AND NEW.entity_type IS OLD.entity_type
  AND NEW.entity_id IS OLD.entity_id AND NEW.changes IS OLD.changes AND NEW.request_id IS OLD.request_id
  AND NEW.personal_hash IS OLD.personal_hash AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
-- DELETE is refused unless the row is past its 7-year retention or its tenant's purge completed.
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN julianday(OLD.at) > julianday('now', '-7 years')
  AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id AND purge_completed_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'audit_log rows are kept 7 years'); END;
