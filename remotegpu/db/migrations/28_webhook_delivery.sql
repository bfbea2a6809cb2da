-- =============================================================================
-- 28_webhook_delivery.sql
-- What webhook delivery (remotegpu/domain/webhook_delivery.py) records beyond the data
-- model's columns:
-- 1. webhooks: how many deliveries in a row used up every retry (a success resets it;
--    past REMOTEGPU_WEBHOOK_DISABLE_AFTER_FAILURES the webhook is disabled), and since when
--    the webhook is failing (NULL while healthy).
-- 2. webhook_logs: per attempt, the event it carried (the webhook-id header is derived from
--    it, so a retry or redelivery says the same id), the attempt number, the outcome, the
--    duration, the class of error, and when the next retry is due.
-- Existing rows (the demo seed's) get an outcome from their status code.
-- =============================================================================

ALTER TABLE webhooks ADD COLUMN IF NOT EXISTS consecutive_failures INT NOT NULL DEFAULT 0;
ALTER TABLE webhooks ADD COLUMN IF NOT EXISTS failing_since TIMESTAMPTZ;
COMMENT ON COLUMN webhooks.consecutive_failures IS
    'Deliveries in a row whose every attempt failed; a successful attempt resets it to 0.';
COMMENT ON COLUMN webhooks.failing_since IS
    'When a delivery last used up its retries while the webhook was healthy; NULL once an attempt succeeds.';

ALTER TABLE webhook_logs ADD COLUMN IF NOT EXISTS event_id UUID;
ALTER TABLE webhook_logs ADD COLUMN IF NOT EXISTS attempt INT NOT NULL DEFAULT 1;
ALTER TABLE webhook_logs ADD COLUMN IF NOT EXISTS status VARCHAR(16);
ALTER TABLE webhook_logs ADD COLUMN IF NOT EXISTS duration_ms INT;
ALTER TABLE webhook_logs ADD COLUMN IF NOT EXISTS error_class VARCHAR(64);
ALTER TABLE webhook_logs ADD COLUMN IF NOT EXISTS next_attempt_at TIMESTAMPTZ;
COMMENT ON COLUMN webhook_logs.event_id IS
    'Event delivered (event_outbox.event_id, or a ping''s own id); the webhook-id header is derived from it.';
COMMENT ON COLUMN webhook_logs.attempt IS 'Attempt number of this delivery, from 1.';
COMMENT ON COLUMN webhook_logs.status IS
    'succeeded (a 2xx answer) or failed (anything else, including a refused address).';
COMMENT ON COLUMN webhook_logs.duration_ms IS
    'Milliseconds from connecting to the end of the response (NULL when no connection was made).';
COMMENT ON COLUMN webhook_logs.error_class IS
    'Kind of failure: HttpStatus, ConnectTimeout, ReadTimeout, ConnectError, AddressRefused, ...';
COMMENT ON COLUMN webhook_logs.next_attempt_at IS
    'When the next retry of this delivery is due; NULL when none follows.';

UPDATE webhook_logs
   SET status = CASE WHEN status_code BETWEEN 200 AND 299 THEN 'succeeded' ELSE 'failed' END
 WHERE status IS NULL;
