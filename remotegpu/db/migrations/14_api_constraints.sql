-- =============================================================================
-- 14_api_constraints.sql
-- Constraints and indexes the API needs beyond the seed schema (01-13).
-- Idempotent; safe to run inside a single transaction (no CONCURRENTLY).
--
-- 1. port_mappings: external_port unique only among active mappings.
--    The whole-table UNIQUE constraint port_mappings_external_port_key is
--    dropped and replaced by the partial unique index
--    uq_port_mappings_active_external_port (WHERE status = 'active'), so a
--    released port can be handed out again while its history row stays.
--    (Allowed improvement in data-model.md.)
--
-- 2. customers: username and email unique case-insensitively among
--    non-deleted customers (domain rule), through the partial expression
--    indexes uq_customers_username_lower and uq_customers_email_lower on
--    lower(...) WHERE deleted_at IS NULL. The seed column UNIQUE constraints
--    on username and email are kept.
--
-- 3. billing_records: uq_billing_records_env_resource_start on
--    (env_id, resource_type, start_time), so re-running metering for a window
--    never bills the same environment, resource and interval twice.
--
-- 4. Indexes for the API's keyset pagination and common filters:
--    - idx_environments_user_created (user_id, created_at DESC, id DESC):
--      a customer's environments, newest first, with a unique tie-breaker;
--    - idx_hosts_region ((labels->>'region')): filter hosts by region;
--    - idx_dataset_usage_open (env_id) WHERE unmounted_at IS NULL: datasets
--      currently mounted in an environment;
--    - idx_notifications_customer_unread (customer_id) WHERE is_read = false:
--      a customer's unread notifications and their count.
--    (The host_metrics time-series indexes are created in 07_monitoring.sql.)
--
-- 5. alert_records: at most one open (firing) alert per rule and resource,
--    through the partial unique index uq_alert_records_firing on
--    (rule_id, resource_type, resource_id) WHERE status = 'firing'.
-- =============================================================================

-- 1. port_mappings: unique external port among active mappings only
ALTER TABLE port_mappings DROP CONSTRAINT IF EXISTS port_mappings_external_port_key;

CREATE UNIQUE INDEX IF NOT EXISTS uq_port_mappings_active_external_port
    ON port_mappings (external_port)
    WHERE status = 'active';

COMMENT ON INDEX uq_port_mappings_active_external_port IS
    'An external port is held by at most one active mapping; released rows keep their history.';
COMMENT ON COLUMN port_mappings.external_port IS
    'External gateway port, unique across the platform among active mappings.';

-- 2. customers: case-insensitive uniqueness among non-deleted customers
CREATE UNIQUE INDEX IF NOT EXISTS uq_customers_username_lower
    ON customers (lower(username))
    WHERE deleted_at IS NULL;

CREATE UNIQUE INDEX IF NOT EXISTS uq_customers_email_lower
    ON customers (lower(email))
    WHERE deleted_at IS NULL;

COMMENT ON INDEX uq_customers_username_lower IS
    'Usernames are unique case-insensitively among non-deleted customers.';
COMMENT ON INDEX uq_customers_email_lower IS
    'E-mail addresses are unique case-insensitively among non-deleted customers.';

-- 3. billing_records: metering re-runs never bill twice
CREATE UNIQUE INDEX IF NOT EXISTS uq_billing_records_env_resource_start
    ON billing_records (env_id, resource_type, start_time);

COMMENT ON INDEX uq_billing_records_env_resource_start IS
    'One billing record per environment, resource type and interval start, so metering re-runs never bill twice.';

-- 4. pagination and filter indexes
CREATE INDEX IF NOT EXISTS idx_environments_user_created
    ON environments (user_id, created_at DESC, id DESC);

CREATE INDEX IF NOT EXISTS idx_hosts_region
    ON hosts ((labels->>'region'));

CREATE INDEX IF NOT EXISTS idx_dataset_usage_open
    ON dataset_usage (env_id)
    WHERE unmounted_at IS NULL;

CREATE INDEX IF NOT EXISTS idx_notifications_customer_unread
    ON notifications (customer_id)
    WHERE is_read = false;

COMMENT ON INDEX idx_environments_user_created IS
    'Keyset pagination of the environments of a customer, newest first.';
COMMENT ON INDEX idx_hosts_region IS
    'Filter hosts by region (labels->>''region'').';
COMMENT ON INDEX idx_dataset_usage_open IS
    'Datasets currently mounted in an environment.';
COMMENT ON INDEX idx_notifications_customer_unread IS
    'Unread notifications of a customer.';

-- 5. alert_records: one firing alert per rule and resource
CREATE UNIQUE INDEX IF NOT EXISTS uq_alert_records_firing
    ON alert_records (rule_id, resource_type, resource_id)
    WHERE status = 'firing';

COMMENT ON INDEX uq_alert_records_firing IS
    'At most one firing alert per rule and resource.';
