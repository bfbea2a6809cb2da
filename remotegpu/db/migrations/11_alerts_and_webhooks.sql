-- =============================================================================
-- 11_alerts_and_webhooks.sql
-- Tables: alert_rules, alert_records, webhooks, webhook_logs
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- alert_rules
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS alert_rules (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT,
    name         VARCHAR(256) NOT NULL,
    description  TEXT,
    metric_type  VARCHAR(64) NOT NULL,
    threshold    FLOAT NOT NULL,
    comparison   VARCHAR(10) NOT NULL,
    duration     INT DEFAULT 60,
    severity     VARCHAR(20) DEFAULT 'warning',
    enabled      BOOLEAN DEFAULT true,
    created_at   TIMESTAMPTZ DEFAULT NOW(),
    updated_at   TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_alert_rules_customer ON alert_rules (customer_id);
CREATE INDEX IF NOT EXISTS idx_alert_rules_enabled ON alert_rules (enabled);

CREATE OR REPLACE TRIGGER update_alert_rules_updated_at
    BEFORE UPDATE ON alert_rules
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE alert_rules IS 'Threshold rules on a metric; a NULL customer_id means a platform-wide rule.';
COMMENT ON COLUMN alert_rules.id IS 'Primary key.';
COMMENT ON COLUMN alert_rules.customer_id IS 'Owning customer, NULL for a platform-wide rule (logical reference to customers.id).';
COMMENT ON COLUMN alert_rules.name IS 'Rule name.';
COMMENT ON COLUMN alert_rules.description IS 'Free-text description.';
COMMENT ON COLUMN alert_rules.metric_type IS 'Watched metric, e.g. cpu_usage, memory_usage, gpu_usage or disk_usage.';
COMMENT ON COLUMN alert_rules.threshold IS 'Threshold the metric value is compared with.';
COMMENT ON COLUMN alert_rules.comparison IS 'Operator comparing the metric value with the threshold: >, <, >=, <= or ==.';
COMMENT ON COLUMN alert_rules.duration IS 'Seconds the condition must hold before the alert fires.';
COMMENT ON COLUMN alert_rules.severity IS 'Severity of the fired alert: info, warning or critical.';
COMMENT ON COLUMN alert_rules.enabled IS 'Whether the rule is evaluated.';
COMMENT ON COLUMN alert_rules.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN alert_rules.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- alert_records
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS alert_records (
    id             BIGSERIAL PRIMARY KEY,
    rule_id        BIGINT NOT NULL,
    customer_id    BIGINT,
    resource_type  VARCHAR(64),
    resource_id    VARCHAR(128),
    metric_type    VARCHAR(64) NOT NULL,
    current_value  FLOAT NOT NULL,
    threshold      FLOAT NOT NULL,
    severity       VARCHAR(20) NOT NULL,
    status         VARCHAR(20) DEFAULT 'firing',
    message        TEXT,
    triggered_at   TIMESTAMPTZ DEFAULT NOW(),
    resolved_at    TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_alert_records_rule ON alert_records (rule_id);
CREATE INDEX IF NOT EXISTS idx_alert_records_customer ON alert_records (customer_id);
CREATE INDEX IF NOT EXISTS idx_alert_records_status ON alert_records (status);
CREATE INDEX IF NOT EXISTS idx_alert_records_triggered_at ON alert_records (triggered_at DESC);

COMMENT ON TABLE alert_records IS 'Alerts fired by a rule, kept until resolved.';
COMMENT ON COLUMN alert_records.id IS 'Primary key.';
COMMENT ON COLUMN alert_records.rule_id IS 'Rule that fired (logical reference to alert_rules.id).';
COMMENT ON COLUMN alert_records.customer_id IS 'Customer the alert concerns, optional (logical reference to customers.id).';
COMMENT ON COLUMN alert_records.resource_type IS 'Type of the resource the value came from, e.g. host, gpu or environment.';
COMMENT ON COLUMN alert_records.resource_id IS 'Identifier of the host, GPU or environment the value came from.';
COMMENT ON COLUMN alert_records.metric_type IS 'Metric that crossed the threshold.';
COMMENT ON COLUMN alert_records.current_value IS 'Metric value that triggered the alert.';
COMMENT ON COLUMN alert_records.threshold IS 'Rule threshold at the time the alert fired.';
COMMENT ON COLUMN alert_records.severity IS 'Alert severity: info, warning or critical.';
COMMENT ON COLUMN alert_records.status IS 'Alert status: firing or resolved.';
COMMENT ON COLUMN alert_records.message IS 'Human-readable alert message.';
COMMENT ON COLUMN alert_records.triggered_at IS 'Time the alert fired (UTC).';
COMMENT ON COLUMN alert_records.resolved_at IS 'Time the alert was resolved (UTC).';

-- -----------------------------------------------------------------------------
-- webhooks
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS webhooks (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    name         VARCHAR(256) NOT NULL,
    url          VARCHAR(512) NOT NULL,
    secret       VARCHAR(256),
    events       TEXT[] NOT NULL,
    enabled      BOOLEAN DEFAULT true,
    created_at   TIMESTAMPTZ DEFAULT NOW(),
    updated_at   TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_webhooks_customer ON webhooks (customer_id);
CREATE INDEX IF NOT EXISTS idx_webhooks_enabled ON webhooks (enabled);

CREATE OR REPLACE TRIGGER update_webhooks_updated_at
    BEFORE UPDATE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE webhooks IS 'Customer-registered HTTP endpoints subscribed to event types.';
COMMENT ON COLUMN webhooks.id IS 'Primary key.';
COMMENT ON COLUMN webhooks.customer_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN webhooks.name IS 'Webhook name.';
COMMENT ON COLUMN webhooks.url IS 'Endpoint URL events are delivered to.';
COMMENT ON COLUMN webhooks.secret IS 'Signing secret for deliveries; write-only through the API.';
COMMENT ON COLUMN webhooks.events IS 'Subscribed event types.';
COMMENT ON COLUMN webhooks.enabled IS 'Whether events are delivered to the webhook.';
COMMENT ON COLUMN webhooks.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN webhooks.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- webhook_logs
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS webhook_logs (
    id             BIGSERIAL PRIMARY KEY,
    webhook_id     BIGINT NOT NULL,
    event_type     VARCHAR(64) NOT NULL,
    payload        JSONB,
    status_code    INT,
    response_body  TEXT,
    error_message  TEXT,
    created_at     TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_webhook_logs_webhook ON webhook_logs (webhook_id);
CREATE INDEX IF NOT EXISTS idx_webhook_logs_created_at ON webhook_logs (created_at DESC);

COMMENT ON TABLE webhook_logs IS 'One row per delivery attempt of an event to a webhook.';
COMMENT ON COLUMN webhook_logs.id IS 'Primary key.';
COMMENT ON COLUMN webhook_logs.webhook_id IS 'Target webhook (logical reference to webhooks.id).';
COMMENT ON COLUMN webhook_logs.event_type IS 'Type of the delivered event.';
COMMENT ON COLUMN webhook_logs.payload IS 'JSON payload that was sent.';
COMMENT ON COLUMN webhook_logs.status_code IS 'HTTP status code of the response, NULL if no response was received.';
COMMENT ON COLUMN webhook_logs.response_body IS 'Body of the response.';
COMMENT ON COLUMN webhook_logs.error_message IS 'Error message when the delivery failed.';
COMMENT ON COLUMN webhook_logs.created_at IS 'Time of the delivery attempt (UTC).';
