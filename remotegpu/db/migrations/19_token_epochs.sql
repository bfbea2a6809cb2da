-- 19_token_epochs.sql: suspension and deletion end every session for good.
--
-- customers.token_epoch counts the times the customer's credentials were cut off (suspension,
-- soft delete). An access token (JWT claim "epoch") and an API token (api_tokens.token_epoch)
-- carry the epoch their customer had when they were issued; authentication refuses any whose
-- epoch is not the customer's current one. So a token issued before a suspension stays dead
-- after the customer is activated again, whatever the clocks say: a counter has no
-- "same second" blind spot, and no clock skew between API replicas to trust.
-- Idempotent; safe to run inside a single transaction (no CONCURRENTLY).

ALTER TABLE customers ADD COLUMN IF NOT EXISTS token_epoch INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN customers.token_epoch IS
    'Incremented on suspension and soft delete; tokens issued under an older value are refused.';

ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS token_epoch INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN api_tokens.token_epoch IS
    'customers.token_epoch of the owner when the token was created; refused once they differ.';

-- Accounts already cut off: their existing tokens must not come back with a reactivation.
UPDATE customers SET token_epoch = 1
 WHERE token_epoch = 0 AND (status IS DISTINCT FROM 'active' OR deleted_at IS NOT NULL);
