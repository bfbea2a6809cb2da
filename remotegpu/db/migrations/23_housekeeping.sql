-- 23_housekeeping.sql: what the housekeeping jobs and the audit promise need.
--
-- 1. audit_logs is append-only (domain-rules.md): a trigger refuses UPDATE and DELETE, for
--    every role but a superuser who drops the trigger on purpose. TRUNCATE (a table owner's
--    reset, used by tests) and DROP DATABASE are not row changes and stay possible.
-- 2. Idempotency keys and published outbox rows expire (the housekeeping job deletes them by
--    age): indexes on their age keep those deletes from scanning the tables.

CREATE OR REPLACE FUNCTION fn_audit_logs_append_only() RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS tg_audit_logs_append_only ON audit_logs;
CREATE TRIGGER tg_audit_logs_append_only
    BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION fn_audit_logs_append_only();

CREATE INDEX IF NOT EXISTS idx_idempotency_keys_created_at ON idempotency_keys (created_at);
CREATE INDEX IF NOT EXISTS idx_event_outbox_published_at ON event_outbox (published_at)
    WHERE published_at IS NOT NULL;
