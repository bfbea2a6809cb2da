-- =============================================================================
-- 12_issues_and_requirements.sql
-- Tables: issues, requirements, comments
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- issues
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS issues (
    id           BIGSERIAL PRIMARY KEY,
    issue_no     VARCHAR(64) UNIQUE NOT NULL,
    customer_id  BIGINT NOT NULL,
    title        VARCHAR(256) NOT NULL,
    description  TEXT,
    type         VARCHAR(32) NOT NULL,
    priority     VARCHAR(20) DEFAULT 'medium',
    status       VARCHAR(20) DEFAULT 'open',
    assignee_id  BIGINT,
    created_at   TIMESTAMPTZ DEFAULT NOW(),
    updated_at   TIMESTAMPTZ DEFAULT NOW(),
    resolved_at  TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_issues_customer ON issues (customer_id);
CREATE INDEX IF NOT EXISTS idx_issues_status ON issues (status);
CREATE INDEX IF NOT EXISTS idx_issues_assignee ON issues (assignee_id);
CREATE INDEX IF NOT EXISTS idx_issues_created_at ON issues (created_at DESC);

CREATE OR REPLACE TRIGGER update_issues_updated_at
    BEFORE UPDATE ON issues
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE issues IS 'Support tickets (bug, question or feature) raised by customers.';
COMMENT ON COLUMN issues.id IS 'Primary key.';
COMMENT ON COLUMN issues.issue_no IS 'Unique human-readable ticket number.';
COMMENT ON COLUMN issues.customer_id IS 'Reporting customer (logical reference to customers.id).';
COMMENT ON COLUMN issues.title IS 'Ticket title.';
COMMENT ON COLUMN issues.description IS 'Ticket description.';
COMMENT ON COLUMN issues.type IS 'Ticket type: bug, question or feature.';
COMMENT ON COLUMN issues.priority IS 'Priority: low, medium, high or critical.';
COMMENT ON COLUMN issues.status IS 'Ticket status: open, in_progress, resolved or closed.';
COMMENT ON COLUMN issues.assignee_id IS 'Assigned staff member, optional (logical reference to customers.id).';
COMMENT ON COLUMN issues.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN issues.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
COMMENT ON COLUMN issues.resolved_at IS 'Time the ticket was resolved (UTC).';

-- -----------------------------------------------------------------------------
-- requirements
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS requirements (
    id              BIGSERIAL PRIMARY KEY,
    requirement_no  VARCHAR(64) UNIQUE NOT NULL,
    customer_id     BIGINT NOT NULL,
    title           VARCHAR(256) NOT NULL,
    description     TEXT,
    priority        VARCHAR(20) DEFAULT 'medium',
    status          VARCHAR(20) DEFAULT 'submitted',
    assignee_id     BIGINT,
    created_at      TIMESTAMPTZ DEFAULT NOW(),
    updated_at      TIMESTAMPTZ DEFAULT NOW(),
    completed_at    TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_requirements_customer ON requirements (customer_id);
CREATE INDEX IF NOT EXISTS idx_requirements_status ON requirements (status);
CREATE INDEX IF NOT EXISTS idx_requirements_assignee ON requirements (assignee_id);
CREATE INDEX IF NOT EXISTS idx_requirements_created_at ON requirements (created_at DESC);

CREATE OR REPLACE TRIGGER update_requirements_updated_at
    BEFORE UPDATE ON requirements
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE requirements IS 'Feature requests and requirements raised by customers.';
COMMENT ON COLUMN requirements.id IS 'Primary key.';
COMMENT ON COLUMN requirements.requirement_no IS 'Unique human-readable requirement number.';
COMMENT ON COLUMN requirements.customer_id IS 'Requesting customer (logical reference to customers.id).';
COMMENT ON COLUMN requirements.title IS 'Requirement title.';
COMMENT ON COLUMN requirements.description IS 'Requirement description.';
COMMENT ON COLUMN requirements.priority IS 'Priority: low, medium, high or critical.';
COMMENT ON COLUMN requirements.status IS 'Requirement status: submitted, reviewing, approved, in_progress, completed or rejected.';
COMMENT ON COLUMN requirements.assignee_id IS 'Assigned staff member, optional (logical reference to customers.id).';
COMMENT ON COLUMN requirements.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN requirements.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
COMMENT ON COLUMN requirements.completed_at IS 'Time the requirement was completed (UTC).';

-- -----------------------------------------------------------------------------
-- comments
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS comments (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT NOT NULL,
    resource_type  VARCHAR(32) NOT NULL,
    resource_id    BIGINT NOT NULL,
    content        TEXT NOT NULL,
    created_at     TIMESTAMPTZ DEFAULT NOW(),
    updated_at     TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_comments_resource ON comments (resource_type, resource_id);
CREATE INDEX IF NOT EXISTS idx_comments_customer ON comments (customer_id);
CREATE INDEX IF NOT EXISTS idx_comments_created_at ON comments (created_at DESC);

CREATE OR REPLACE TRIGGER update_comments_updated_at
    BEFORE UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE comments IS 'Comments on an issue or a requirement, addressed polymorphically by resource_type and resource_id.';
COMMENT ON COLUMN comments.id IS 'Primary key.';
COMMENT ON COLUMN comments.customer_id IS 'Author (logical reference to customers.id).';
COMMENT ON COLUMN comments.resource_type IS 'Kind of commented resource: issue or requirement.';
COMMENT ON COLUMN comments.resource_id IS 'Commented resource (logical reference to issues.id or requirements.id, per resource_type).';
COMMENT ON COLUMN comments.content IS 'Comment text.';
COMMENT ON COLUMN comments.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN comments.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
