-- =============================================================================
-- 24_metric_rollups.sql
-- Hourly and daily roll-ups of the raw metric samples, and job watermarks.
--
-- One table per subject and granularity: <raw table>_hourly and <raw table>_daily, one row per
-- subject and bucket (PRIMARY KEY (subject, bucket_start)) with the number of samples and, per
-- metric, min / max / avg over the bucket. Metrics carry the alert vocabulary (cpu_usage,
-- gpu_temperature, ...), mapped to the raw column of the subject (remotegpu/db/models/
-- metric_rollups.py holds the mapping). Rows are upserted by the roll-up job
-- (remotegpu/domain/metric_rollups.py), so re-running a window rewrites the same values.
-- Retention: hourly rows 90 days, daily rows 1 year (idx_*_bucket_start serves the clean-up).
--
-- job_watermarks: how far each recurring job (roll-ups, metering) has processed time.
--
-- The raw tables are not partitioned: see README ("Metric roll-ups and retention").
-- =============================================================================

CREATE TABLE IF NOT EXISTS host_metrics_hourly (
    host_id                 VARCHAR(64) NOT NULL,
    bucket_start            TIMESTAMPTZ NOT NULL,
    sample_count            INT NOT NULL,
    cpu_usage_min           FLOAT,
    cpu_usage_max           FLOAT,
    cpu_usage_avg           FLOAT,
    memory_usage_min        FLOAT,
    memory_usage_max        FLOAT,
    memory_usage_avg        FLOAT,
    disk_usage_min          FLOAT,
    disk_usage_max          FLOAT,
    disk_usage_avg          FLOAT,
    gpu_usage_min           FLOAT,
    gpu_usage_max           FLOAT,
    gpu_usage_avg           FLOAT,
    gpu_temperature_min     FLOAT,
    gpu_temperature_max     FLOAT,
    gpu_temperature_avg     FLOAT,
    network_rx_min          FLOAT,
    network_rx_max          FLOAT,
    network_rx_avg          FLOAT,
    network_tx_min          FLOAT,
    network_tx_max          FLOAT,
    network_tx_avg          FLOAT,
    PRIMARY KEY (host_id, bucket_start)
);

CREATE INDEX IF NOT EXISTS idx_host_metrics_hourly_bucket_start ON host_metrics_hourly (bucket_start);

COMMENT ON TABLE host_metrics_hourly IS 'Hourly roll-up of host_metrics: per host and hour, the sample count and min, max and avg of each metric.';
COMMENT ON COLUMN host_metrics_hourly.host_id IS 'Sampled host (logical reference to hosts.id).';
COMMENT ON COLUMN host_metrics_hourly.bucket_start IS 'Start of the hour the row aggregates (UTC, inclusive).';
COMMENT ON COLUMN host_metrics_hourly.sample_count IS 'Number of raw samples in the bucket.';
COMMENT ON COLUMN host_metrics_hourly.cpu_usage_min IS 'Smallest host_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.cpu_usage_max IS 'Largest host_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.cpu_usage_avg IS 'Mean host_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.memory_usage_min IS 'Smallest host_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.memory_usage_max IS 'Largest host_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.memory_usage_avg IS 'Mean host_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.disk_usage_min IS 'Smallest host_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.disk_usage_max IS 'Largest host_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.disk_usage_avg IS 'Mean host_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.gpu_usage_min IS 'Smallest host_metrics.gpu_avg_utilization in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.gpu_usage_max IS 'Largest host_metrics.gpu_avg_utilization in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.gpu_usage_avg IS 'Mean host_metrics.gpu_avg_utilization in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.gpu_temperature_min IS 'Smallest host_metrics.gpu_avg_temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.gpu_temperature_max IS 'Largest host_metrics.gpu_avg_temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.gpu_temperature_avg IS 'Mean host_metrics.gpu_avg_temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.network_rx_min IS 'Smallest host_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.network_rx_max IS 'Largest host_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.network_rx_avg IS 'Mean host_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.network_tx_min IS 'Smallest host_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.network_tx_max IS 'Largest host_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_hourly.network_tx_avg IS 'Mean host_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';

CREATE TABLE IF NOT EXISTS host_metrics_daily (
    host_id                 VARCHAR(64) NOT NULL,
    bucket_start            TIMESTAMPTZ NOT NULL,
    sample_count            INT NOT NULL,
    cpu_usage_min           FLOAT,
    cpu_usage_max           FLOAT,
    cpu_usage_avg           FLOAT,
    memory_usage_min        FLOAT,
    memory_usage_max        FLOAT,
    memory_usage_avg        FLOAT,
    disk_usage_min          FLOAT,
    disk_usage_max          FLOAT,
    disk_usage_avg          FLOAT,
    gpu_usage_min           FLOAT,
    gpu_usage_max           FLOAT,
    gpu_usage_avg           FLOAT,
    gpu_temperature_min     FLOAT,
    gpu_temperature_max     FLOAT,
    gpu_temperature_avg     FLOAT,
    network_rx_min          FLOAT,
    network_rx_max          FLOAT,
    network_rx_avg          FLOAT,
    network_tx_min          FLOAT,
    network_tx_max          FLOAT,
    network_tx_avg          FLOAT,
    PRIMARY KEY (host_id, bucket_start)
);

CREATE INDEX IF NOT EXISTS idx_host_metrics_daily_bucket_start ON host_metrics_daily (bucket_start);

COMMENT ON TABLE host_metrics_daily IS 'Daily roll-up of host_metrics: per host and UTC day, the sample count and min, max and avg of each metric.';
COMMENT ON COLUMN host_metrics_daily.host_id IS 'Sampled host (logical reference to hosts.id).';
COMMENT ON COLUMN host_metrics_daily.bucket_start IS 'Start of the UTC day the row aggregates (UTC, inclusive).';
COMMENT ON COLUMN host_metrics_daily.sample_count IS 'Number of raw samples in the bucket.';
COMMENT ON COLUMN host_metrics_daily.cpu_usage_min IS 'Smallest host_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.cpu_usage_max IS 'Largest host_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.cpu_usage_avg IS 'Mean host_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.memory_usage_min IS 'Smallest host_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.memory_usage_max IS 'Largest host_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.memory_usage_avg IS 'Mean host_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.disk_usage_min IS 'Smallest host_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.disk_usage_max IS 'Largest host_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.disk_usage_avg IS 'Mean host_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.gpu_usage_min IS 'Smallest host_metrics.gpu_avg_utilization in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.gpu_usage_max IS 'Largest host_metrics.gpu_avg_utilization in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.gpu_usage_avg IS 'Mean host_metrics.gpu_avg_utilization in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.gpu_temperature_min IS 'Smallest host_metrics.gpu_avg_temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.gpu_temperature_max IS 'Largest host_metrics.gpu_avg_temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.gpu_temperature_avg IS 'Mean host_metrics.gpu_avg_temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.network_rx_min IS 'Smallest host_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.network_rx_max IS 'Largest host_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.network_rx_avg IS 'Mean host_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.network_tx_min IS 'Smallest host_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.network_tx_max IS 'Largest host_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN host_metrics_daily.network_tx_avg IS 'Mean host_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';

CREATE TABLE IF NOT EXISTS gpu_metrics_hourly (
    gpu_id                  BIGINT NOT NULL,
    bucket_start            TIMESTAMPTZ NOT NULL,
    sample_count            INT NOT NULL,
    gpu_usage_min           FLOAT,
    gpu_usage_max           FLOAT,
    gpu_usage_avg           FLOAT,
    gpu_memory_usage_min    FLOAT,
    gpu_memory_usage_max    FLOAT,
    gpu_memory_usage_avg    FLOAT,
    gpu_temperature_min     FLOAT,
    gpu_temperature_max     FLOAT,
    gpu_temperature_avg     FLOAT,
    PRIMARY KEY (gpu_id, bucket_start)
);

CREATE INDEX IF NOT EXISTS idx_gpu_metrics_hourly_bucket_start ON gpu_metrics_hourly (bucket_start);

COMMENT ON TABLE gpu_metrics_hourly IS 'Hourly roll-up of gpu_metrics: per gpu and hour, the sample count and min, max and avg of each metric.';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_id IS 'Sampled gpu (logical reference to gpus.id).';
COMMENT ON COLUMN gpu_metrics_hourly.bucket_start IS 'Start of the hour the row aggregates (UTC, inclusive).';
COMMENT ON COLUMN gpu_metrics_hourly.sample_count IS 'Number of raw samples in the bucket.';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_usage_min IS 'Smallest gpu_metrics.utilization_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_usage_max IS 'Largest gpu_metrics.utilization_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_usage_avg IS 'Mean gpu_metrics.utilization_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_memory_usage_min IS 'Smallest gpu_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_memory_usage_max IS 'Largest gpu_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_memory_usage_avg IS 'Mean gpu_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_temperature_min IS 'Smallest gpu_metrics.temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_temperature_max IS 'Largest gpu_metrics.temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_hourly.gpu_temperature_avg IS 'Mean gpu_metrics.temperature in the bucket (NULL when no sample carried it).';

CREATE TABLE IF NOT EXISTS gpu_metrics_daily (
    gpu_id                  BIGINT NOT NULL,
    bucket_start            TIMESTAMPTZ NOT NULL,
    sample_count            INT NOT NULL,
    gpu_usage_min           FLOAT,
    gpu_usage_max           FLOAT,
    gpu_usage_avg           FLOAT,
    gpu_memory_usage_min    FLOAT,
    gpu_memory_usage_max    FLOAT,
    gpu_memory_usage_avg    FLOAT,
    gpu_temperature_min     FLOAT,
    gpu_temperature_max     FLOAT,
    gpu_temperature_avg     FLOAT,
    PRIMARY KEY (gpu_id, bucket_start)
);

CREATE INDEX IF NOT EXISTS idx_gpu_metrics_daily_bucket_start ON gpu_metrics_daily (bucket_start);

COMMENT ON TABLE gpu_metrics_daily IS 'Daily roll-up of gpu_metrics: per gpu and UTC day, the sample count and min, max and avg of each metric.';
COMMENT ON COLUMN gpu_metrics_daily.gpu_id IS 'Sampled gpu (logical reference to gpus.id).';
COMMENT ON COLUMN gpu_metrics_daily.bucket_start IS 'Start of the UTC day the row aggregates (UTC, inclusive).';
COMMENT ON COLUMN gpu_metrics_daily.sample_count IS 'Number of raw samples in the bucket.';
COMMENT ON COLUMN gpu_metrics_daily.gpu_usage_min IS 'Smallest gpu_metrics.utilization_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_usage_max IS 'Largest gpu_metrics.utilization_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_usage_avg IS 'Mean gpu_metrics.utilization_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_memory_usage_min IS 'Smallest gpu_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_memory_usage_max IS 'Largest gpu_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_memory_usage_avg IS 'Mean gpu_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_temperature_min IS 'Smallest gpu_metrics.temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_temperature_max IS 'Largest gpu_metrics.temperature in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN gpu_metrics_daily.gpu_temperature_avg IS 'Mean gpu_metrics.temperature in the bucket (NULL when no sample carried it).';

CREATE TABLE IF NOT EXISTS environment_metrics_hourly (
    env_id                  VARCHAR(64) NOT NULL,
    bucket_start            TIMESTAMPTZ NOT NULL,
    sample_count            INT NOT NULL,
    cpu_usage_min           FLOAT,
    cpu_usage_max           FLOAT,
    cpu_usage_avg           FLOAT,
    memory_usage_min        FLOAT,
    memory_usage_max        FLOAT,
    memory_usage_avg        FLOAT,
    gpu_usage_min           FLOAT,
    gpu_usage_max           FLOAT,
    gpu_usage_avg           FLOAT,
    disk_usage_min          FLOAT,
    disk_usage_max          FLOAT,
    disk_usage_avg          FLOAT,
    network_rx_min          FLOAT,
    network_rx_max          FLOAT,
    network_rx_avg          FLOAT,
    network_tx_min          FLOAT,
    network_tx_max          FLOAT,
    network_tx_avg          FLOAT,
    PRIMARY KEY (env_id, bucket_start)
);

CREATE INDEX IF NOT EXISTS idx_environment_metrics_hourly_bucket_start ON environment_metrics_hourly (bucket_start);

COMMENT ON TABLE environment_metrics_hourly IS 'Hourly roll-up of environment_metrics: per environment and hour, the sample count and min, max and avg of each metric.';
COMMENT ON COLUMN environment_metrics_hourly.env_id IS 'Sampled environment (logical reference to environments.id).';
COMMENT ON COLUMN environment_metrics_hourly.bucket_start IS 'Start of the hour the row aggregates (UTC, inclusive).';
COMMENT ON COLUMN environment_metrics_hourly.sample_count IS 'Number of raw samples in the bucket.';
COMMENT ON COLUMN environment_metrics_hourly.cpu_usage_min IS 'Smallest environment_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.cpu_usage_max IS 'Largest environment_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.cpu_usage_avg IS 'Mean environment_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.memory_usage_min IS 'Smallest environment_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.memory_usage_max IS 'Largest environment_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.memory_usage_avg IS 'Mean environment_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.gpu_usage_min IS 'Smallest environment_metrics.gpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.gpu_usage_max IS 'Largest environment_metrics.gpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.gpu_usage_avg IS 'Mean environment_metrics.gpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.disk_usage_min IS 'Smallest environment_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.disk_usage_max IS 'Largest environment_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.disk_usage_avg IS 'Mean environment_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.network_rx_min IS 'Smallest environment_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.network_rx_max IS 'Largest environment_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.network_rx_avg IS 'Mean environment_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.network_tx_min IS 'Smallest environment_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.network_tx_max IS 'Largest environment_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_hourly.network_tx_avg IS 'Mean environment_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';

CREATE TABLE IF NOT EXISTS environment_metrics_daily (
    env_id                  VARCHAR(64) NOT NULL,
    bucket_start            TIMESTAMPTZ NOT NULL,
    sample_count            INT NOT NULL,
    cpu_usage_min           FLOAT,
    cpu_usage_max           FLOAT,
    cpu_usage_avg           FLOAT,
    memory_usage_min        FLOAT,
    memory_usage_max        FLOAT,
    memory_usage_avg        FLOAT,
    gpu_usage_min           FLOAT,
    gpu_usage_max           FLOAT,
    gpu_usage_avg           FLOAT,
    disk_usage_min          FLOAT,
    disk_usage_max          FLOAT,
    disk_usage_avg          FLOAT,
    network_rx_min          FLOAT,
    network_rx_max          FLOAT,
    network_rx_avg          FLOAT,
    network_tx_min          FLOAT,
    network_tx_max          FLOAT,
    network_tx_avg          FLOAT,
    PRIMARY KEY (env_id, bucket_start)
);

CREATE INDEX IF NOT EXISTS idx_environment_metrics_daily_bucket_start ON environment_metrics_daily (bucket_start);

COMMENT ON TABLE environment_metrics_daily IS 'Daily roll-up of environment_metrics: per environment and UTC day, the sample count and min, max and avg of each metric.';
COMMENT ON COLUMN environment_metrics_daily.env_id IS 'Sampled environment (logical reference to environments.id).';
COMMENT ON COLUMN environment_metrics_daily.bucket_start IS 'Start of the UTC day the row aggregates (UTC, inclusive).';
COMMENT ON COLUMN environment_metrics_daily.sample_count IS 'Number of raw samples in the bucket.';
COMMENT ON COLUMN environment_metrics_daily.cpu_usage_min IS 'Smallest environment_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.cpu_usage_max IS 'Largest environment_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.cpu_usage_avg IS 'Mean environment_metrics.cpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.memory_usage_min IS 'Smallest environment_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.memory_usage_max IS 'Largest environment_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.memory_usage_avg IS 'Mean environment_metrics.memory_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.gpu_usage_min IS 'Smallest environment_metrics.gpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.gpu_usage_max IS 'Largest environment_metrics.gpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.gpu_usage_avg IS 'Mean environment_metrics.gpu_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.disk_usage_min IS 'Smallest environment_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.disk_usage_max IS 'Largest environment_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.disk_usage_avg IS 'Mean environment_metrics.disk_usage_percent in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.network_rx_min IS 'Smallest environment_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.network_rx_max IS 'Largest environment_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.network_rx_avg IS 'Mean environment_metrics.network_rx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.network_tx_min IS 'Smallest environment_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.network_tx_max IS 'Largest environment_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';
COMMENT ON COLUMN environment_metrics_daily.network_tx_avg IS 'Mean environment_metrics.network_tx_bytes in the bucket (NULL when no sample carried it).';

CREATE TABLE IF NOT EXISTS job_watermarks (
    job         VARCHAR(64) PRIMARY KEY,
    done_until  TIMESTAMPTZ NOT NULL,
    advanced_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
COMMENT ON TABLE job_watermarks IS 'How far each recurring job has processed time: everything before done_until is done.';
COMMENT ON COLUMN job_watermarks.job IS 'Job name, e.g. metric_rollups_hourly or metering.';
COMMENT ON COLUMN job_watermarks.done_until IS 'Exclusive end of the time the job has processed (UTC).';
COMMENT ON COLUMN job_watermarks.advanced_at IS 'Time the watermark last moved (UTC).';
