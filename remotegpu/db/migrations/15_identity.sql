-- =============================================================================
-- 15_identity.sql
-- Tables: api_tokens, refresh_tokens (identity: long-lived API tokens and the
-- rotating refresh tokens of login sessions).
-- Idempotent; safe to run inside a single transaction (no CONCURRENTLY).
-- No physical foreign keys by design; "->" references are logical.
--
-- Secrets are never stored: both tables keep the SHA-256 (hex) of the token,
-- looked up through a unique index. The plaintext is shown once, at creation.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- api_tokens
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS api_tokens (
    id            BIGSERIAL PRIMARY KEY,
    customer_id   BIGINT NOT NULL,
    name          VARCHAR(128) NOT NULL,
    prefix        VARCHAR(16) NOT NULL,
    token_hash    CHAR(64) NOT NULL,
    scopes        TEXT[] NOT NULL DEFAULT '{}',
    host_id       VARCHAR(64),
    expires_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT ck_api_tokens_scopes
        CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'agent']::TEXT[]),
    CONSTRAINT ck_api_tokens_agent_host
        CHECK (('agent' = ANY (scopes)) = (host_id IS NOT NULL))
);

CREATE UNIQUE INDEX IF NOT EXISTS uq_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX IF NOT EXISTS idx_api_tokens_customer ON api_tokens (customer_id);
CREATE INDEX IF NOT EXISTS idx_api_tokens_host ON api_tokens (host_id) WHERE host_id IS NOT NULL;

COMMENT ON TABLE api_tokens IS
    'Long-lived API tokens of customers (scripts, CI, host agents); only their SHA-256 is stored.';
COMMENT ON COLUMN api_tokens.id IS 'Primary key.';
COMMENT ON COLUMN api_tokens.customer_id IS 'Owner of the token (-> customers.id); requests act as this customer.';
COMMENT ON COLUMN api_tokens.name IS 'Name given by the owner, to tell tokens apart.';
COMMENT ON COLUMN api_tokens.prefix IS 'Visible, non-secret part of the token (rgp_<prefix>_...), shown in listings.';
COMMENT ON COLUMN api_tokens.token_hash IS 'SHA-256 (hex) of the whole token; the plaintext is never stored.';
COMMENT ON COLUMN api_tokens.scopes IS 'Granted scopes: read, write, or agent (agent tokens have only agent).';
COMMENT ON COLUMN api_tokens.host_id IS 'Host an agent token speaks for (-> hosts.id); set for and only for agent scope.';
COMMENT ON COLUMN api_tokens.expires_at IS 'Expiry time (UTC); NULL = never expires.';
COMMENT ON COLUMN api_tokens.last_used_at IS 'Last time (UTC) the token authenticated a request, updated at most once a minute.';
COMMENT ON COLUMN api_tokens.revoked_at IS 'Revocation time (UTC); a revoked token is refused on the next request.';
COMMENT ON COLUMN api_tokens.created_at IS 'Row creation time (UTC).';
COMMENT ON CONSTRAINT ck_api_tokens_scopes ON api_tokens IS
    'At least one scope, each of read, write, agent.';
COMMENT ON CONSTRAINT ck_api_tokens_agent_host ON api_tokens IS
    'A host is bound to agent tokens, and only to them.';
COMMENT ON INDEX uq_api_tokens_token_hash IS 'Look-up of a presented token by its hash.';
COMMENT ON INDEX idx_api_tokens_customer IS 'The tokens of a customer.';
COMMENT ON INDEX idx_api_tokens_host IS 'The agent tokens of a host.';

-- -----------------------------------------------------------------------------
-- refresh_tokens
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS refresh_tokens (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT NOT NULL,
    token_hash      CHAR(64) NOT NULL,
    family_id       UUID NOT NULL,
    parent_id       BIGINT,
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    revoked_reason  VARCHAR(32),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE UNIQUE INDEX IF NOT EXISTS uq_refresh_tokens_token_hash ON refresh_tokens (token_hash);
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_customer ON refresh_tokens (customer_id);
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_family ON refresh_tokens (family_id);

COMMENT ON TABLE refresh_tokens IS
    'Refresh tokens of login sessions; each use rotates the token, a reused one revokes its family.';
COMMENT ON COLUMN refresh_tokens.id IS 'Primary key.';
COMMENT ON COLUMN refresh_tokens.customer_id IS 'Customer the session belongs to (-> customers.id).';
COMMENT ON COLUMN refresh_tokens.token_hash IS 'SHA-256 (hex) of the token; the plaintext is never stored.';
COMMENT ON COLUMN refresh_tokens.family_id IS 'Session (login) the token belongs to: every rotation of one login shares it.';
COMMENT ON COLUMN refresh_tokens.parent_id IS 'Token this one replaced (-> refresh_tokens.id); NULL for the login''s first token.';
COMMENT ON COLUMN refresh_tokens.expires_at IS 'Expiry time (UTC).';
COMMENT ON COLUMN refresh_tokens.used_at IS 'Time (UTC) the token was exchanged for a new one; a second use is a reuse.';
COMMENT ON COLUMN refresh_tokens.revoked_at IS 'Revocation time (UTC): logout, detected reuse, or account closure.';
COMMENT ON COLUMN refresh_tokens.revoked_reason IS 'Why it was revoked: logout, reuse, account.';
COMMENT ON COLUMN refresh_tokens.created_at IS 'Row creation time (UTC).';
COMMENT ON INDEX uq_refresh_tokens_token_hash IS 'Look-up of a presented token by its hash.';
COMMENT ON INDEX idx_refresh_tokens_customer IS 'The sessions of a customer (logout everywhere).';
COMMENT ON INDEX idx_refresh_tokens_family IS 'All tokens of one session (revocation on reuse).';
