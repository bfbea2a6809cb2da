-- =============================================================================
-- 27_event_notify.sql
-- Every event_outbox row is announced on the channel `remotegpu_events` with its
-- id as the payload (NOTIFY payloads are limited to 8000 bytes: the listener loads
-- the row). NOTIFY is transactional: listeners hear it only when the inserting
-- transaction commits, so a rolled-back change announces nothing. Each API process
-- LISTENs on one connection (remotegpu/events/listener.py) and fans the event out
-- to its GraphQL subscribers.
-- =============================================================================

CREATE OR REPLACE FUNCTION fn_event_outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('remotegpu_events', NEW.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

COMMENT ON FUNCTION fn_event_outbox_notify() IS
    'Announces a new event_outbox row (its id) on the remotegpu_events channel at commit.';

DROP TRIGGER IF EXISTS tg_event_outbox_notify ON event_outbox;
CREATE TRIGGER tg_event_outbox_notify
    AFTER INSERT ON event_outbox
    FOR EACH ROW EXECUTE FUNCTION fn_event_outbox_notify();
