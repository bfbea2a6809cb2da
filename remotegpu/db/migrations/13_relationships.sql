-- =============================================================================
-- 13_relationships.sql
-- Tables: dataset_usage, artifacts
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- dataset_usage
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS dataset_usage (
    id            BIGSERIAL PRIMARY KEY,
    env_id        VARCHAR(64) NOT NULL,
    dataset_id    BIGINT NOT NULL,
    mount_path    VARCHAR(512) NOT NULL,
    readonly      BOOLEAN DEFAULT true,
    mounted_at    TIMESTAMPTZ DEFAULT NOW(),
    unmounted_at  TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_dataset_usage_env ON dataset_usage (env_id);
CREATE INDEX IF NOT EXISTS idx_dataset_usage_dataset ON dataset_usage (dataset_id);

COMMENT ON TABLE dataset_usage IS 'Mount history of datasets in environments; unmounted_at is set on unmount.';
COMMENT ON COLUMN dataset_usage.id IS 'Primary key.';
COMMENT ON COLUMN dataset_usage.env_id IS 'Environment the dataset is mounted in (logical reference to environments.id).';
COMMENT ON COLUMN dataset_usage.dataset_id IS 'Mounted dataset (logical reference to datasets.id).';
COMMENT ON COLUMN dataset_usage.mount_path IS 'Mount path inside the environment.';
COMMENT ON COLUMN dataset_usage.readonly IS 'Whether the dataset is mounted read-only.';
COMMENT ON COLUMN dataset_usage.mounted_at IS 'Time the dataset was mounted (UTC).';
COMMENT ON COLUMN dataset_usage.unmounted_at IS 'Time the dataset was unmounted (UTC), NULL while still mounted.';

-- -----------------------------------------------------------------------------
-- artifacts
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS artifacts (
    id            BIGSERIAL PRIMARY KEY,
    customer_id   BIGINT NOT NULL,
    workspace_id  BIGINT,
    name          VARCHAR(256) NOT NULL,
    type          VARCHAR(64) NOT NULL,
    storage_path  VARCHAR(512) NOT NULL,
    size          BIGINT DEFAULT 0,
    source_type   VARCHAR(32),
    source_id     VARCHAR(128),
    created_at    TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_artifacts_customer ON artifacts (customer_id);
CREATE INDEX IF NOT EXISTS idx_artifacts_workspace ON artifacts (workspace_id);
CREATE INDEX IF NOT EXISTS idx_artifacts_type ON artifacts (type);
CREATE INDEX IF NOT EXISTS idx_artifacts_source ON artifacts (source_type, source_id);

COMMENT ON TABLE artifacts IS 'Files produced by work (model files, checkpoints, logs, reports), with the job, service or environment that produced them.';
COMMENT ON COLUMN artifacts.id IS 'Primary key.';
COMMENT ON COLUMN artifacts.customer_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN artifacts.workspace_id IS 'Workspace the artifact belongs to, optional (logical reference to workspaces.id).';
COMMENT ON COLUMN artifacts.name IS 'Artifact name.';
COMMENT ON COLUMN artifacts.type IS 'Artifact type: model, checkpoint, log or report.';
COMMENT ON COLUMN artifacts.storage_path IS 'Location of the artifact in storage.';
COMMENT ON COLUMN artifacts.size IS 'Size in bytes.';
COMMENT ON COLUMN artifacts.source_type IS 'Kind of producing source: training_job, inference_service or environment.';
COMMENT ON COLUMN artifacts.source_id IS 'Identifier of the producing source, per source_type.';
COMMENT ON COLUMN artifacts.created_at IS 'Row creation time (UTC).';
