-- A signed-off period refuses new or changed spend lines dated on or before its end, in the
-- database itself, so a direct write fails too. One statement per trigger, with a WHEN clause.
CREATE TRIGGER spend_lines_period_locked_insert BEFORE INSERT ON spend_lines
WHEN EXISTS (SELECT 1 FROM periods WHERE periods.tenant_id = NEW.tenant_id AND periods.status = 'signed-off' AND NEW.date <= periods.end_date)
BEGIN SELECT RAISE(ABORT, 'spendprint:period-locked'); END;
--> statement-breakpoint
CREATE TRIGGER spend_lines_period_locked_update BEFORE UPDATE ON spend_lines
WHEN EXISTS (SELECT 1 FROM periods WHERE periods.tenant_id = OLD.tenant_id AND periods.status = 'signed-off' AND (OLD.date <= periods.end_date OR NEW.date <= periods.end_date))
BEGIN SELECT RAISE(ABORT, 'spendprint:period-locked'); END;
