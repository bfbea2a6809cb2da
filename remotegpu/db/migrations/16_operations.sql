-- 16_operations.sql: what the mutations need beyond the seed's model.
--
-- 1. environments.workspace_id: an environment may be created in a workspace; the workspace's
--    members then see it and the workspace cannot be archived while it runs.
-- 2. idempotency_keys: a client retrying environmentCreate (or any keyed mutation) with the
--    same key gets the same result; the unique index makes concurrent retries wait for the
--    first and then find its row.
-- 3. event_outbox: domain events written in the same transaction as the change, published
--    (NOTIFY, webhooks) after commit, so an event exists if and only if the change committed.

ALTER TABLE environments ADD COLUMN IF NOT EXISTS workspace_id BIGINT;
COMMENT ON COLUMN environments.workspace_id IS
    'Workspace the environment belongs to (-> workspaces.id); NULL for personal ones.';
CREATE INDEX IF NOT EXISTS idx_environments_workspace ON environments (workspace_id);

CREATE TABLE IF NOT EXISTS idempotency_keys (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT       NOT NULL,
    operation       VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    resource_id     VARCHAR(128),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    CONSTRAINT uq_idempotency_keys UNIQUE (customer_id, operation, idempotency_key)
);
COMMENT ON TABLE idempotency_keys IS
    'Keys of retried mutations: same key and input give the same result.';
COMMENT ON COLUMN idempotency_keys.id IS 'Primary key.';
COMMENT ON COLUMN idempotency_keys.customer_id IS 'Customer who sent the key (-> customers.id).';
COMMENT ON COLUMN idempotency_keys.operation IS 'Mutation the key belongs to, e.g. environmentCreate.';
COMMENT ON COLUMN idempotency_keys.idempotency_key IS 'The client-chosen key.';
COMMENT ON COLUMN idempotency_keys.request_hash IS 'SHA-256 of the canonical input: another input with the same key is a conflict.';
COMMENT ON COLUMN idempotency_keys.resource_id IS 'Id of the object the first request created.';
COMMENT ON COLUMN idempotency_keys.created_at IS 'When the key was first used (UTC).';

CREATE TABLE IF NOT EXISTS event_outbox (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID         NOT NULL DEFAULT gen_random_uuid(),
    event_type    VARCHAR(64)  NOT NULL,
    customer_id   BIGINT,
    resource_type VARCHAR(64),
    resource_id   VARCHAR(128),
    payload       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    published_at  TIMESTAMPTZ,
    CONSTRAINT uq_event_outbox_event_id UNIQUE (event_id)
);
COMMENT ON TABLE event_outbox IS
    'Domain events written with the change that caused them, published after commit.';
COMMENT ON COLUMN event_outbox.id IS 'Primary key; also the publication order.';
COMMENT ON COLUMN event_outbox.event_id IS 'Stable event id (webhook-id header).';
COMMENT ON COLUMN event_outbox.event_type IS 'Event type, e.g. environment.created.';
COMMENT ON COLUMN event_outbox.customer_id IS 'Customer the event concerns (-> customers.id).';
COMMENT ON COLUMN event_outbox.resource_type IS 'Kind of object the event is about.';
COMMENT ON COLUMN event_outbox.resource_id IS 'Id of that object.';
COMMENT ON COLUMN event_outbox.payload IS 'Event body as JSON.';
COMMENT ON COLUMN event_outbox.created_at IS 'When the change committed (UTC).';
COMMENT ON COLUMN event_outbox.published_at IS 'When the event was published; NULL while pending.';
CREATE INDEX IF NOT EXISTS idx_event_outbox_pending ON event_outbox (id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS idx_event_outbox_customer ON event_outbox (customer_id, id);

-- Custom service ports (portMappingAdd) come from their own range, apart from ssh/rdp/jupyter.
INSERT INTO system_configs (config_key, config_value, config_type, description, is_public) VALUES
    ('custom_port_range_start', '60001', 'integer', 'First external port for custom services.', false),
    ('custom_port_range_end', '65000', 'integer', 'Last external port for custom services.', false)
ON CONFLICT (config_key) DO NOTHING;
