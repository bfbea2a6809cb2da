-- =============================================================================
-- 04_hosts_and_devices.sql
-- Tables: hosts, gpus
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- hosts
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS hosts (
    id               VARCHAR(64) PRIMARY KEY,
    name             VARCHAR(128) NOT NULL,
    hostname         VARCHAR(256),
    ip_address       VARCHAR(64) NOT NULL,
    public_ip        VARCHAR(64),
    os_type          VARCHAR(20) NOT NULL,
    os_version       VARCHAR(64),
    arch             VARCHAR(20) DEFAULT 'x86_64',
    deployment_mode  VARCHAR(20) NOT NULL,
    k8s_node_name    VARCHAR(128),
    status           VARCHAR(20) DEFAULT 'offline',
    health_status    VARCHAR(20) DEFAULT 'unknown',
    total_cpu        INT NOT NULL,
    total_memory     BIGINT NOT NULL,
    total_disk       BIGINT,
    total_gpu        INT DEFAULT 0,
    used_cpu         INT DEFAULT 0,
    used_memory      BIGINT DEFAULT 0,
    used_disk        BIGINT DEFAULT 0,
    used_gpu         INT DEFAULT 0,
    ssh_port         INT DEFAULT 22,
    winrm_port       INT,
    agent_port       INT DEFAULT 8080,
    labels           JSONB,
    tags             TEXT[],
    last_heartbeat   TIMESTAMPTZ,
    registered_at    TIMESTAMPTZ DEFAULT NOW(),
    created_at       TIMESTAMPTZ DEFAULT NOW(),
    updated_at       TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_hosts_os_type ON hosts (os_type);
CREATE INDEX IF NOT EXISTS idx_hosts_status ON hosts (status);
CREATE INDEX IF NOT EXISTS idx_hosts_deployment_mode ON hosts (deployment_mode);
CREATE INDEX IF NOT EXISTS idx_hosts_labels ON hosts USING GIN (labels);
CREATE INDEX IF NOT EXISTS idx_hosts_health_status ON hosts (health_status);

CREATE OR REPLACE TRIGGER update_hosts_updated_at
    BEFORE UPDATE ON hosts
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE hosts IS 'Physical or virtual GPU servers, identified by a text key such as host-a100-01.';
COMMENT ON COLUMN hosts.id IS 'Primary key: text host identifier, e.g. host-a100-01.';
COMMENT ON COLUMN hosts.name IS 'Display name of the host.';
COMMENT ON COLUMN hosts.hostname IS 'Network host name.';
COMMENT ON COLUMN hosts.ip_address IS 'Internal IP address.';
COMMENT ON COLUMN hosts.public_ip IS 'Public IP address, if any.';
COMMENT ON COLUMN hosts.os_type IS 'Operating system type: linux or windows.';
COMMENT ON COLUMN hosts.os_version IS 'Operating system version.';
COMMENT ON COLUMN hosts.arch IS 'CPU architecture, e.g. x86_64.';
COMMENT ON COLUMN hosts.deployment_mode IS 'Deployment mode: traditional or kubernetes.';
COMMENT ON COLUMN hosts.k8s_node_name IS 'Kubernetes node name when deployment_mode is kubernetes.';
COMMENT ON COLUMN hosts.status IS 'Host status: online, offline or maintenance.';
COMMENT ON COLUMN hosts.health_status IS 'Health status: healthy, degraded, unhealthy or unknown.';
COMMENT ON COLUMN hosts.total_cpu IS 'Total number of CPU cores.';
COMMENT ON COLUMN hosts.total_memory IS 'Total memory in bytes.';
COMMENT ON COLUMN hosts.total_disk IS 'Total disk space in bytes.';
COMMENT ON COLUMN hosts.total_gpu IS 'Total number of GPUs.';
COMMENT ON COLUMN hosts.used_cpu IS 'Denormalised sum of CPU cores held by the live environments on the host, kept right by the application.';
COMMENT ON COLUMN hosts.used_memory IS 'Denormalised memory held by the live environments on the host, in bytes.';
COMMENT ON COLUMN hosts.used_disk IS 'Denormalised disk space held by the live environments on the host, in bytes.';
COMMENT ON COLUMN hosts.used_gpu IS 'Denormalised number of allocated GPUs.';
COMMENT ON COLUMN hosts.ssh_port IS 'SSH port of the host.';
COMMENT ON COLUMN hosts.winrm_port IS 'WinRM port of the host (Windows hosts).';
COMMENT ON COLUMN hosts.agent_port IS 'Port of the platform agent running on the host.';
COMMENT ON COLUMN hosts.labels IS 'Free-form JSON labels (GIN-indexed); labels->>''region'' is the host region, e.g. cn-east-1.';
COMMENT ON COLUMN hosts.tags IS 'Free-form text tags.';
COMMENT ON COLUMN hosts.last_heartbeat IS 'Time of the last agent heartbeat (UTC).';
COMMENT ON COLUMN hosts.registered_at IS 'Time the host was registered with the platform (UTC).';
COMMENT ON COLUMN hosts.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN hosts.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- gpus
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS gpus (
    id                  BIGSERIAL PRIMARY KEY,
    host_id             VARCHAR(64) NOT NULL,
    gpu_index           INT NOT NULL,
    uuid                VARCHAR(128) UNIQUE,
    name                VARCHAR(128),
    brand               VARCHAR(64),
    architecture        VARCHAR(64),
    memory_total        BIGINT,
    cuda_cores          INT,
    compute_capability  VARCHAR(32),
    status              VARCHAR(20) DEFAULT 'available',
    health_status       VARCHAR(20) DEFAULT 'healthy',
    allocated_to        VARCHAR(64),
    allocated_at        TIMESTAMPTZ,
    power_limit         INT,
    temperature_limit   INT,
    created_at          TIMESTAMPTZ DEFAULT NOW(),
    updated_at          TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (host_id, gpu_index)
);

CREATE INDEX IF NOT EXISTS idx_gpus_host ON gpus (host_id);
CREATE INDEX IF NOT EXISTS idx_gpus_status ON gpus (status);
CREATE INDEX IF NOT EXISTS idx_gpus_allocated_to ON gpus (allocated_to);
CREATE INDEX IF NOT EXISTS idx_gpus_health_status ON gpus (health_status);

CREATE OR REPLACE TRIGGER update_gpus_updated_at
    BEFORE UPDATE ON gpus
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE gpus IS 'GPU devices of a host; allocated_to holds the environment that holds the device.';
COMMENT ON COLUMN gpus.id IS 'Primary key.';
COMMENT ON COLUMN gpus.host_id IS 'Host the GPU is installed in (logical reference to hosts.id).';
COMMENT ON COLUMN gpus.gpu_index IS 'Device index on the host, unique per host.';
COMMENT ON COLUMN gpus.uuid IS 'Vendor device UUID, unique across the platform.';
COMMENT ON COLUMN gpus.name IS 'Model name, e.g. NVIDIA A100-SXM4-80GB.';
COMMENT ON COLUMN gpus.brand IS 'Vendor brand.';
COMMENT ON COLUMN gpus.architecture IS 'GPU architecture, e.g. Ampere.';
COMMENT ON COLUMN gpus.memory_total IS 'Total device memory in bytes.';
COMMENT ON COLUMN gpus.cuda_cores IS 'Number of CUDA cores.';
COMMENT ON COLUMN gpus.compute_capability IS 'CUDA compute capability, e.g. 8.0.';
COMMENT ON COLUMN gpus.status IS 'Allocation status: available, allocated, maintenance or error.';
COMMENT ON COLUMN gpus.health_status IS 'Health status: healthy, degraded or error.';
COMMENT ON COLUMN gpus.allocated_to IS 'Environment holding the GPU while allocated, else NULL (logical reference to environments.id).';
COMMENT ON COLUMN gpus.allocated_at IS 'Time the GPU was allocated (UTC).';
COMMENT ON COLUMN gpus.power_limit IS 'Power limit in watts.';
COMMENT ON COLUMN gpus.temperature_limit IS 'Temperature limit in degrees Celsius.';
COMMENT ON COLUMN gpus.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN gpus.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
