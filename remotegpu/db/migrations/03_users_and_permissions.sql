-- =============================================================================
-- 03_users_and_permissions.sql
-- Tables: customers, workspaces, workspace_members, resource_quotas
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- customers
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS customers (
    id              BIGSERIAL PRIMARY KEY,
    uuid            UUID UNIQUE NOT NULL DEFAULT gen_random_uuid(),
    username        VARCHAR(64) UNIQUE NOT NULL,
    email           VARCHAR(128) UNIQUE NOT NULL,
    password_hash   VARCHAR(256) NOT NULL,
    display_name    VARCHAR(128),
    avatar_url      VARCHAR(512),
    phone           VARCHAR(32),
    full_name       VARCHAR(256),
    company         VARCHAR(256),
    user_type       VARCHAR(32) DEFAULT 'external',
    account_type    VARCHAR(32) DEFAULT 'individual',
    status          VARCHAR(32) DEFAULT 'active',
    email_verified  BOOLEAN DEFAULT FALSE,
    phone_verified  BOOLEAN DEFAULT FALSE,
    last_login_at   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ DEFAULT NOW(),
    updated_at      TIMESTAMPTZ DEFAULT NOW(),
    deleted_at      TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_customers_username ON customers (username);
CREATE INDEX IF NOT EXISTS idx_customers_email ON customers (email);
CREATE INDEX IF NOT EXISTS idx_customers_status ON customers (status);
CREATE INDEX IF NOT EXISTS idx_customers_user_type ON customers (user_type);
CREATE INDEX IF NOT EXISTS idx_customers_account_type ON customers (account_type);

CREATE OR REPLACE TRIGGER update_customers_updated_at
    BEFORE UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE customers IS 'Platform accounts (the users); soft-deleted through deleted_at.';
COMMENT ON COLUMN customers.id IS 'Primary key.';
COMMENT ON COLUMN customers.uuid IS 'Stable public identifier of the customer.';
COMMENT ON COLUMN customers.username IS 'Unique login name.';
COMMENT ON COLUMN customers.email IS 'Unique e-mail address.';
COMMENT ON COLUMN customers.password_hash IS 'Password hash; never exposed through the API.';
COMMENT ON COLUMN customers.display_name IS 'Name shown in the user interface.';
COMMENT ON COLUMN customers.avatar_url IS 'URL of the avatar image.';
COMMENT ON COLUMN customers.phone IS 'Phone number.';
COMMENT ON COLUMN customers.full_name IS 'Full legal name.';
COMMENT ON COLUMN customers.company IS 'Company or organisation name.';
COMMENT ON COLUMN customers.user_type IS 'User type: admin (platform staff), internal or external.';
COMMENT ON COLUMN customers.account_type IS 'Account type: individual or enterprise.';
COMMENT ON COLUMN customers.status IS 'Account status: active, suspended or deleted.';
COMMENT ON COLUMN customers.email_verified IS 'Whether the e-mail address has been verified.';
COMMENT ON COLUMN customers.phone_verified IS 'Whether the phone number has been verified.';
COMMENT ON COLUMN customers.last_login_at IS 'Time of the last successful login (UTC).';
COMMENT ON COLUMN customers.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN customers.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
COMMENT ON COLUMN customers.deleted_at IS 'Soft-deletion time (UTC); a soft-deleted customer is invisible to ordinary queries and cannot log in.';

-- -----------------------------------------------------------------------------
-- workspaces
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS workspaces (
    id            BIGSERIAL PRIMARY KEY,
    uuid          UUID UNIQUE NOT NULL DEFAULT gen_random_uuid(),
    owner_id      BIGINT NOT NULL,
    name          VARCHAR(128) NOT NULL,
    description   TEXT,
    type          VARCHAR(32) DEFAULT 'personal',
    member_count  INT DEFAULT 1,
    status        VARCHAR(32) DEFAULT 'active',
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_workspaces_owner ON workspaces (owner_id);
CREATE INDEX IF NOT EXISTS idx_workspaces_type ON workspaces (type);
CREATE INDEX IF NOT EXISTS idx_workspaces_status ON workspaces (status);

CREATE OR REPLACE TRIGGER update_workspaces_updated_at
    BEFORE UPDATE ON workspaces
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE workspaces IS 'Personal, team or enterprise spaces owned by a customer; resources may belong to a workspace.';
COMMENT ON COLUMN workspaces.id IS 'Primary key.';
COMMENT ON COLUMN workspaces.uuid IS 'Stable public identifier of the workspace.';
COMMENT ON COLUMN workspaces.owner_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN workspaces.name IS 'Workspace name.';
COMMENT ON COLUMN workspaces.description IS 'Free-text description.';
COMMENT ON COLUMN workspaces.type IS 'Workspace type: personal, team or enterprise.';
COMMENT ON COLUMN workspaces.member_count IS 'Denormalised count of active members, kept right by the application.';
COMMENT ON COLUMN workspaces.status IS 'Workspace status: active or archived.';
COMMENT ON COLUMN workspaces.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN workspaces.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- workspace_members
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS workspace_members (
    id            BIGSERIAL PRIMARY KEY,
    workspace_id  BIGINT NOT NULL,
    customer_id   BIGINT NOT NULL,
    role          VARCHAR(32) DEFAULT 'member',
    status        VARCHAR(32) DEFAULT 'active',
    joined_at     TIMESTAMPTZ DEFAULT NOW(),
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (workspace_id, customer_id)
);

CREATE INDEX IF NOT EXISTS idx_workspace_members_workspace ON workspace_members (workspace_id);
CREATE INDEX IF NOT EXISTS idx_workspace_members_customer ON workspace_members (customer_id);
CREATE INDEX IF NOT EXISTS idx_workspace_members_role ON workspace_members (role);

COMMENT ON TABLE workspace_members IS 'Membership of customers in workspaces, with a role.';
COMMENT ON COLUMN workspace_members.id IS 'Primary key.';
COMMENT ON COLUMN workspace_members.workspace_id IS 'Workspace (logical reference to workspaces.id).';
COMMENT ON COLUMN workspace_members.customer_id IS 'Member customer (logical reference to customers.id).';
COMMENT ON COLUMN workspace_members.role IS 'Role in the workspace: owner, admin, member or viewer.';
COMMENT ON COLUMN workspace_members.status IS 'Membership status: active, invited or suspended.';
COMMENT ON COLUMN workspace_members.joined_at IS 'Time the customer joined the workspace (UTC).';
COMMENT ON COLUMN workspace_members.created_at IS 'Row creation time (UTC).';

-- -----------------------------------------------------------------------------
-- resource_quotas
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS resource_quotas (
    id                 BIGSERIAL PRIMARY KEY,
    user_id            BIGINT NOT NULL,
    quota_level        VARCHAR(32) DEFAULT 'free',
    cpu_quota          INT DEFAULT 4,
    memory_quota       INT DEFAULT 8192,
    gpu_quota          INT DEFAULT 0,
    storage_quota      BIGINT DEFAULT 10737418240,
    environment_quota  INT DEFAULT 1,
    created_at         TIMESTAMPTZ DEFAULT NOW(),
    updated_at         TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_resource_quotas_user ON resource_quotas (user_id);

CREATE OR REPLACE TRIGGER update_resource_quotas_updated_at
    BEFORE UPDATE ON resource_quotas
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE resource_quotas IS 'Per-customer resource limits, one row per customer.';
COMMENT ON COLUMN resource_quotas.id IS 'Primary key.';
COMMENT ON COLUMN resource_quotas.user_id IS 'Customer the quota applies to (logical reference to customers.id).';
COMMENT ON COLUMN resource_quotas.quota_level IS 'Quota tier: free, basic, pro or enterprise.';
COMMENT ON COLUMN resource_quotas.cpu_quota IS 'Maximum number of CPU cores.';
COMMENT ON COLUMN resource_quotas.memory_quota IS 'Maximum memory in MB.';
COMMENT ON COLUMN resource_quotas.gpu_quota IS 'Maximum number of GPUs.';
COMMENT ON COLUMN resource_quotas.storage_quota IS 'Maximum storage in bytes (default 10 GiB).';
COMMENT ON COLUMN resource_quotas.environment_quota IS 'Maximum number of environments.';
COMMENT ON COLUMN resource_quotas.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN resource_quotas.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
