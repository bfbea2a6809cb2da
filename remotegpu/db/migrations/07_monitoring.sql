-- =============================================================================
-- 07_monitoring.sql
-- Tables: host_metrics, gpu_metrics, environment_metrics (raw time series)
-- No physical foreign keys by design; "->" references are logical.
-- Every time series has (owner, collected_at DESC) and (collected_at DESC)
-- indexes; raw samples are kept 7 days (clean-up is done by a job).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- host_metrics
-- The data model lists no index for this table; the time-series convention
-- gives it idx_host_metrics_host_time and idx_host_metrics_collected_at.
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS host_metrics (
    id                    BIGSERIAL PRIMARY KEY,
    host_id               VARCHAR(64) NOT NULL,
    cpu_usage_percent     FLOAT,
    cpu_load_1m           FLOAT,
    cpu_load_5m           FLOAT,
    cpu_load_15m          FLOAT,
    memory_used           BIGINT,
    memory_available      BIGINT,
    memory_usage_percent  FLOAT,
    disk_used             BIGINT,
    disk_available        BIGINT,
    disk_usage_percent    FLOAT,
    disk_io_read_bytes    BIGINT,
    disk_io_write_bytes   BIGINT,
    network_rx_bytes      BIGINT,
    network_tx_bytes      BIGINT,
    network_rx_packets    BIGINT,
    network_tx_packets    BIGINT,
    gpu_avg_utilization   FLOAT,
    gpu_avg_memory_used   BIGINT,
    gpu_avg_temperature   FLOAT,
    gpu_avg_power         FLOAT,
    collected_at          TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_host_metrics_host_time ON host_metrics (host_id, collected_at DESC);
CREATE INDEX IF NOT EXISTS idx_host_metrics_collected_at ON host_metrics (collected_at DESC);

COMMENT ON TABLE host_metrics IS 'Time series of host resource samples: CPU load, memory, disk, disk I/O, network and GPU averages.';
COMMENT ON COLUMN host_metrics.id IS 'Primary key.';
COMMENT ON COLUMN host_metrics.host_id IS 'Sampled host (logical reference to hosts.id).';
COMMENT ON COLUMN host_metrics.cpu_usage_percent IS 'CPU usage in percent.';
COMMENT ON COLUMN host_metrics.cpu_load_1m IS 'One-minute load average.';
COMMENT ON COLUMN host_metrics.cpu_load_5m IS 'Five-minute load average.';
COMMENT ON COLUMN host_metrics.cpu_load_15m IS 'Fifteen-minute load average.';
COMMENT ON COLUMN host_metrics.memory_used IS 'Memory in use, in bytes.';
COMMENT ON COLUMN host_metrics.memory_available IS 'Memory available, in bytes.';
COMMENT ON COLUMN host_metrics.memory_usage_percent IS 'Memory usage in percent.';
COMMENT ON COLUMN host_metrics.disk_used IS 'Disk space in use, in bytes.';
COMMENT ON COLUMN host_metrics.disk_available IS 'Disk space available, in bytes.';
COMMENT ON COLUMN host_metrics.disk_usage_percent IS 'Disk usage in percent.';
COMMENT ON COLUMN host_metrics.disk_io_read_bytes IS 'Bytes read from disk.';
COMMENT ON COLUMN host_metrics.disk_io_write_bytes IS 'Bytes written to disk.';
COMMENT ON COLUMN host_metrics.network_rx_bytes IS 'Network bytes received.';
COMMENT ON COLUMN host_metrics.network_tx_bytes IS 'Network bytes transmitted.';
COMMENT ON COLUMN host_metrics.network_rx_packets IS 'Network packets received.';
COMMENT ON COLUMN host_metrics.network_tx_packets IS 'Network packets transmitted.';
COMMENT ON COLUMN host_metrics.gpu_avg_utilization IS 'Average utilisation over the GPUs of the host, in percent.';
COMMENT ON COLUMN host_metrics.gpu_avg_memory_used IS 'Average GPU memory in use over the GPUs of the host, in bytes.';
COMMENT ON COLUMN host_metrics.gpu_avg_temperature IS 'Average temperature over the GPUs of the host, in degrees Celsius.';
COMMENT ON COLUMN host_metrics.gpu_avg_power IS 'Average power draw over the GPUs of the host, in watts.';
COMMENT ON COLUMN host_metrics.collected_at IS 'Time the sample was collected (UTC).';

-- -----------------------------------------------------------------------------
-- gpu_metrics
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS gpu_metrics (
    id                    BIGSERIAL PRIMARY KEY,
    gpu_id                BIGINT NOT NULL,
    host_id               VARCHAR(64) NOT NULL,
    utilization_percent   FLOAT,
    memory_used           BIGINT,
    memory_usage_percent  FLOAT,
    temperature           FLOAT,
    power_draw            FLOAT,
    fan_speed_percent     FLOAT,
    sm_clock              INT,
    memory_clock          INT,
    process_count         INT,
    collected_at          TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_gpu_metrics_gpu_time ON gpu_metrics (gpu_id, collected_at DESC);
CREATE INDEX IF NOT EXISTS idx_gpu_metrics_host_time ON gpu_metrics (host_id, collected_at DESC);
CREATE INDEX IF NOT EXISTS idx_gpu_metrics_collected_at ON gpu_metrics (collected_at DESC);

COMMENT ON TABLE gpu_metrics IS 'Time series of per-GPU samples.';
COMMENT ON COLUMN gpu_metrics.id IS 'Primary key.';
COMMENT ON COLUMN gpu_metrics.gpu_id IS 'Sampled GPU (logical reference to gpus.id).';
COMMENT ON COLUMN gpu_metrics.host_id IS 'Host of the sampled GPU (logical reference to hosts.id).';
COMMENT ON COLUMN gpu_metrics.utilization_percent IS 'GPU utilisation in percent.';
COMMENT ON COLUMN gpu_metrics.memory_used IS 'GPU memory in use, in bytes.';
COMMENT ON COLUMN gpu_metrics.memory_usage_percent IS 'GPU memory usage in percent.';
COMMENT ON COLUMN gpu_metrics.temperature IS 'GPU temperature in degrees Celsius.';
COMMENT ON COLUMN gpu_metrics.power_draw IS 'Power draw in watts.';
COMMENT ON COLUMN gpu_metrics.fan_speed_percent IS 'Fan speed in percent.';
COMMENT ON COLUMN gpu_metrics.sm_clock IS 'Streaming-multiprocessor clock in MHz.';
COMMENT ON COLUMN gpu_metrics.memory_clock IS 'Memory clock in MHz.';
COMMENT ON COLUMN gpu_metrics.process_count IS 'Number of processes running on the GPU.';
COMMENT ON COLUMN gpu_metrics.collected_at IS 'Time the sample was collected (UTC).';

-- -----------------------------------------------------------------------------
-- environment_metrics
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS environment_metrics (
    id                    BIGSERIAL PRIMARY KEY,
    env_id                VARCHAR(64) NOT NULL,
    cpu_usage_percent     FLOAT,
    memory_usage_percent  FLOAT,
    gpu_usage_percent     FLOAT,
    disk_usage_percent    FLOAT,
    network_rx_bytes      BIGINT,
    network_tx_bytes      BIGINT,
    collected_at          TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_environment_metrics_env_time ON environment_metrics (env_id, collected_at DESC);
CREATE INDEX IF NOT EXISTS idx_environment_metrics_collected_at ON environment_metrics (collected_at DESC);

COMMENT ON TABLE environment_metrics IS 'Time series of per-environment samples.';
COMMENT ON COLUMN environment_metrics.id IS 'Primary key.';
COMMENT ON COLUMN environment_metrics.env_id IS 'Sampled environment (logical reference to environments.id).';
COMMENT ON COLUMN environment_metrics.cpu_usage_percent IS 'CPU usage in percent.';
COMMENT ON COLUMN environment_metrics.memory_usage_percent IS 'Memory usage in percent.';
COMMENT ON COLUMN environment_metrics.gpu_usage_percent IS 'GPU usage in percent.';
COMMENT ON COLUMN environment_metrics.disk_usage_percent IS 'Disk usage in percent.';
COMMENT ON COLUMN environment_metrics.network_rx_bytes IS 'Network bytes received.';
COMMENT ON COLUMN environment_metrics.network_tx_bytes IS 'Network bytes transmitted.';
COMMENT ON COLUMN environment_metrics.collected_at IS 'Time the sample was collected (UTC).';
