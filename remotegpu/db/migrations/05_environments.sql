-- =============================================================================
-- 05_environments.sql
-- Tables: environments, port_mappings
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- environments
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS environments (
    id            VARCHAR(64) PRIMARY KEY,
    user_id       BIGINT NOT NULL,
    host_id       VARCHAR(64) NOT NULL,
    name          VARCHAR(128) NOT NULL,
    description   TEXT,
    image         VARCHAR(256) NOT NULL,
    status        VARCHAR(20) DEFAULT 'creating',
    cpu           INT NOT NULL,
    memory        BIGINT NOT NULL,
    gpu           INT DEFAULT 0,
    storage       BIGINT,
    ssh_port      INT,
    rdp_port      INT,
    jupyter_port  INT,
    container_id  VARCHAR(128),
    pod_name      VARCHAR(128),
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW(),
    started_at    TIMESTAMPTZ,
    stopped_at    TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_environments_user ON environments (user_id);
CREATE INDEX IF NOT EXISTS idx_environments_host ON environments (host_id);
CREATE INDEX IF NOT EXISTS idx_environments_status ON environments (status);
CREATE INDEX IF NOT EXISTS idx_environments_created_at ON environments (created_at DESC);

CREATE OR REPLACE TRIGGER update_environments_updated_at
    BEFORE UPDATE ON environments
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE environments IS 'Remote development environments (containers, pods or VMs) placed on a host and owned by a customer.';
COMMENT ON COLUMN environments.id IS 'Primary key: text environment identifier.';
COMMENT ON COLUMN environments.user_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN environments.host_id IS 'Host the environment is placed on (logical reference to hosts.id).';
COMMENT ON COLUMN environments.name IS 'Environment name.';
COMMENT ON COLUMN environments.description IS 'Free-text description.';
COMMENT ON COLUMN environments.image IS 'Image reference the environment runs, matching images.name.';
COMMENT ON COLUMN environments.status IS 'Lifecycle status: creating, running, stopped, error or deleting.';
COMMENT ON COLUMN environments.cpu IS 'Number of CPU cores.';
COMMENT ON COLUMN environments.memory IS 'Memory in bytes.';
COMMENT ON COLUMN environments.gpu IS 'Number of GPUs.';
COMMENT ON COLUMN environments.storage IS 'Storage in bytes.';
COMMENT ON COLUMN environments.ssh_port IS 'External gateway port mapped to SSH, if any.';
COMMENT ON COLUMN environments.rdp_port IS 'External gateway port mapped to RDP, if any.';
COMMENT ON COLUMN environments.jupyter_port IS 'External gateway port mapped to JupyterLab, if any.';
COMMENT ON COLUMN environments.container_id IS 'Container identifier (traditional deployment).';
COMMENT ON COLUMN environments.pod_name IS 'Pod name (Kubernetes deployment).';
COMMENT ON COLUMN environments.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN environments.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
COMMENT ON COLUMN environments.started_at IS 'Time the environment last started (UTC).';
COMMENT ON COLUMN environments.stopped_at IS 'Time the environment last stopped (UTC).';

-- -----------------------------------------------------------------------------
-- port_mappings
-- external_port is declared UNIQUE as in the contract (constraint
-- port_mappings_external_port_key); 14_api_constraints.sql replaces it with a
-- partial unique index over active rows.
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS port_mappings (
    id             BIGSERIAL PRIMARY KEY,
    env_id         VARCHAR(64) NOT NULL,
    service_type   VARCHAR(32) NOT NULL,
    external_port  INT NOT NULL UNIQUE,
    internal_port  INT NOT NULL,
    status         VARCHAR(20) DEFAULT 'active',
    allocated_at   TIMESTAMPTZ DEFAULT NOW(),
    released_at    TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_port_mappings_env ON port_mappings (env_id);
CREATE INDEX IF NOT EXISTS idx_port_mappings_external_port ON port_mappings (external_port);
CREATE INDEX IF NOT EXISTS idx_port_mappings_status ON port_mappings (status);

COMMENT ON TABLE port_mappings IS 'External ports of the platform gateway mapped to a service of an environment.';
COMMENT ON COLUMN port_mappings.id IS 'Primary key.';
COMMENT ON COLUMN port_mappings.env_id IS 'Environment the port is mapped to (logical reference to environments.id).';
COMMENT ON COLUMN port_mappings.service_type IS 'Mapped service: ssh, rdp, jupyter or custom.';
COMMENT ON COLUMN port_mappings.external_port IS 'External gateway port, unique across the platform.';
COMMENT ON COLUMN port_mappings.internal_port IS 'Port of the service inside the environment.';
COMMENT ON COLUMN port_mappings.status IS 'Mapping status: active or released.';
COMMENT ON COLUMN port_mappings.allocated_at IS 'Time the port was allocated (UTC).';
COMMENT ON COLUMN port_mappings.released_at IS 'Time the port was released (UTC).';
