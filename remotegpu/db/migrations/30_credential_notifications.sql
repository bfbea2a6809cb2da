-- 30_credential_notifications.sql: every change that can end a credential is announced.
--
-- The host agents' routes keep a small in-process cache of agent tokens (token hash -> who
-- the token speaks for) so a heartbeat does not look its token up every time. Each API
-- process LISTENs on remotegpu_credentials and empties its cache on every notification, so a
-- revoked or expired token, a suspended or deleted owner (token_epoch) is refused by every
-- replica within moments of the commit. Only the columns that decide whether a token
-- authenticates fire it: last_used_at (touched once a minute per token) does not.

CREATE OR REPLACE FUNCTION fn_notify_credentials_changed() RETURNS TRIGGER AS $$
BEGIN
    PERFORM pg_notify('remotegpu_credentials', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS tg_api_tokens_credentials_changed ON api_tokens;
CREATE TRIGGER tg_api_tokens_credentials_changed
    AFTER UPDATE OF token_hash, customer_id, scopes, host_id, expires_at, revoked_at, token_epoch
        OR DELETE ON api_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION fn_notify_credentials_changed();

DROP TRIGGER IF EXISTS tg_customers_credentials_changed ON customers;
CREATE TRIGGER tg_customers_credentials_changed
    AFTER UPDATE OF status, deleted_at, token_epoch, user_type, username OR DELETE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION fn_notify_credentials_changed();
