-- =============================================================================
-- 10_notifications_and_logs.sql
-- Tables: notifications, audit_logs
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- notifications
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS notifications (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    title        VARCHAR(256) NOT NULL,
    content      TEXT,
    type         VARCHAR(32) NOT NULL,
    level        VARCHAR(20) DEFAULT 'info',
    is_read      BOOLEAN DEFAULT false,
    read_at      TIMESTAMPTZ,
    created_at   TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_notifications_customer ON notifications (customer_id);
CREATE INDEX IF NOT EXISTS idx_notifications_is_read ON notifications (is_read);
CREATE INDEX IF NOT EXISTS idx_notifications_created_at ON notifications (created_at DESC);

COMMENT ON TABLE notifications IS 'Messages to a customer (in-app inbox).';
COMMENT ON COLUMN notifications.id IS 'Primary key.';
COMMENT ON COLUMN notifications.customer_id IS 'Recipient customer (logical reference to customers.id).';
COMMENT ON COLUMN notifications.title IS 'Notification title.';
COMMENT ON COLUMN notifications.content IS 'Notification body.';
COMMENT ON COLUMN notifications.type IS 'Notification type: system, environment, billing or alert.';
COMMENT ON COLUMN notifications.level IS 'Severity level: info, warning or error.';
COMMENT ON COLUMN notifications.is_read IS 'Whether the recipient has read the notification.';
COMMENT ON COLUMN notifications.read_at IS 'Time the notification was read (UTC).';
COMMENT ON COLUMN notifications.created_at IS 'Row creation time (UTC).';

-- -----------------------------------------------------------------------------
-- audit_logs
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS audit_logs (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT,
    username        VARCHAR(128),
    action          VARCHAR(128) NOT NULL,
    resource_type   VARCHAR(64),
    resource_id     VARCHAR(128),
    ip_address      VARCHAR(64),
    user_agent      TEXT,
    request_method  VARCHAR(10),
    request_path    VARCHAR(512),
    status_code     INT,
    error_message   TEXT,
    created_at      TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_audit_logs_customer ON audit_logs (customer_id);
CREATE INDEX IF NOT EXISTS idx_audit_logs_action ON audit_logs (action);
CREATE INDEX IF NOT EXISTS idx_audit_logs_resource ON audit_logs (resource_type, resource_id);
CREATE INDEX IF NOT EXISTS idx_audit_logs_created_at ON audit_logs (created_at DESC);

COMMENT ON TABLE audit_logs IS 'Append-only record of who did what to which resource, from where, with which outcome.';
COMMENT ON COLUMN audit_logs.id IS 'Primary key.';
COMMENT ON COLUMN audit_logs.customer_id IS 'Acting customer, NULL for anonymous or system actions (logical reference to customers.id).';
COMMENT ON COLUMN audit_logs.username IS 'Username of the actor at the time of the action.';
COMMENT ON COLUMN audit_logs.action IS 'Action performed, e.g. create, update, delete, login or logout.';
COMMENT ON COLUMN audit_logs.resource_type IS 'Type of the affected resource, e.g. environment, dataset or model.';
COMMENT ON COLUMN audit_logs.resource_id IS 'Identifier of the affected resource.';
COMMENT ON COLUMN audit_logs.ip_address IS 'Client IP address.';
COMMENT ON COLUMN audit_logs.user_agent IS 'Client user agent.';
COMMENT ON COLUMN audit_logs.request_method IS 'Request method, e.g. POST.';
COMMENT ON COLUMN audit_logs.request_path IS 'Request path.';
COMMENT ON COLUMN audit_logs.status_code IS 'Outcome status code of the request.';
COMMENT ON COLUMN audit_logs.error_message IS 'Error message when the action failed.';
COMMENT ON COLUMN audit_logs.created_at IS 'Time the action was recorded (UTC).';
