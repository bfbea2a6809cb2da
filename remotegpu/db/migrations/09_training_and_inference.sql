-- =============================================================================
-- 09_training_and_inference.sql
-- Tables: training_jobs, inference_services
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- training_jobs
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS training_jobs (
    id            VARCHAR(64) PRIMARY KEY,
    customer_id   BIGINT NOT NULL,
    workspace_id  BIGINT,
    env_id        VARCHAR(64),
    name          VARCHAR(256) NOT NULL,
    description   TEXT,
    framework     VARCHAR(64),
    script_path   VARCHAR(512),
    dataset_id    BIGINT,
    model_id      BIGINT,
    status        VARCHAR(20) DEFAULT 'pending',
    priority      INT DEFAULT 0,
    cpu           INT,
    memory        BIGINT,
    gpu           INT,
    started_at    TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_training_jobs_customer ON training_jobs (customer_id);
CREATE INDEX IF NOT EXISTS idx_training_jobs_workspace ON training_jobs (workspace_id);
CREATE INDEX IF NOT EXISTS idx_training_jobs_status ON training_jobs (status);
CREATE INDEX IF NOT EXISTS idx_training_jobs_created_at ON training_jobs (created_at DESC);

CREATE OR REPLACE TRIGGER update_training_jobs_updated_at
    BEFORE UPDATE ON training_jobs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE training_jobs IS 'Model training jobs, identified by a text key.';
COMMENT ON COLUMN training_jobs.id IS 'Primary key: text job identifier.';
COMMENT ON COLUMN training_jobs.customer_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN training_jobs.workspace_id IS 'Workspace the job belongs to, optional (logical reference to workspaces.id).';
COMMENT ON COLUMN training_jobs.env_id IS 'Environment the job runs in, optional (logical reference to environments.id).';
COMMENT ON COLUMN training_jobs.name IS 'Job name.';
COMMENT ON COLUMN training_jobs.description IS 'Free-text description.';
COMMENT ON COLUMN training_jobs.framework IS 'Training framework, e.g. pytorch or tensorflow.';
COMMENT ON COLUMN training_jobs.script_path IS 'Path of the training script.';
COMMENT ON COLUMN training_jobs.dataset_id IS 'Input dataset, optional (logical reference to datasets.id).';
COMMENT ON COLUMN training_jobs.model_id IS 'Model being trained, optional (logical reference to models.id).';
COMMENT ON COLUMN training_jobs.status IS 'Job status: pending, running, completed, failed or cancelled.';
COMMENT ON COLUMN training_jobs.priority IS 'Scheduling priority; a higher number runs first.';
COMMENT ON COLUMN training_jobs.cpu IS 'Requested number of CPU cores.';
COMMENT ON COLUMN training_jobs.memory IS 'Requested memory in bytes.';
COMMENT ON COLUMN training_jobs.gpu IS 'Requested number of GPUs.';
COMMENT ON COLUMN training_jobs.started_at IS 'Time the job started running (UTC).';
COMMENT ON COLUMN training_jobs.completed_at IS 'Time the job finished (UTC).';
COMMENT ON COLUMN training_jobs.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN training_jobs.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- inference_services
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS inference_services (
    id             VARCHAR(64) PRIMARY KEY,
    customer_id    BIGINT NOT NULL,
    workspace_id   BIGINT,
    name           VARCHAR(256) NOT NULL,
    description    TEXT,
    model_id       BIGINT,
    model_version  VARCHAR(64),
    framework      VARCHAR(64),
    status         VARCHAR(20) DEFAULT 'creating',
    endpoint_url   VARCHAR(512),
    cpu            INT,
    memory         BIGINT,
    gpu            INT,
    replicas       INT DEFAULT 1,
    created_at     TIMESTAMPTZ DEFAULT NOW(),
    updated_at     TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_inference_services_customer ON inference_services (customer_id);
CREATE INDEX IF NOT EXISTS idx_inference_services_workspace ON inference_services (workspace_id);
CREATE INDEX IF NOT EXISTS idx_inference_services_status ON inference_services (status);

CREATE OR REPLACE TRIGGER update_inference_services_updated_at
    BEFORE UPDATE ON inference_services
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE inference_services IS 'Model-serving deployments, identified by a text key.';
COMMENT ON COLUMN inference_services.id IS 'Primary key: text service identifier.';
COMMENT ON COLUMN inference_services.customer_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN inference_services.workspace_id IS 'Workspace the service belongs to, optional (logical reference to workspaces.id).';
COMMENT ON COLUMN inference_services.name IS 'Service name.';
COMMENT ON COLUMN inference_services.description IS 'Free-text description.';
COMMENT ON COLUMN inference_services.model_id IS 'Served model, optional (logical reference to models.id).';
COMMENT ON COLUMN inference_services.model_version IS 'Served model version, matching model_versions.version of that model.';
COMMENT ON COLUMN inference_services.framework IS 'Serving framework.';
COMMENT ON COLUMN inference_services.status IS 'Service status: creating, running, stopped or error.';
COMMENT ON COLUMN inference_services.endpoint_url IS 'URL of the serving endpoint.';
COMMENT ON COLUMN inference_services.cpu IS 'CPU cores per replica.';
COMMENT ON COLUMN inference_services.memory IS 'Memory per replica in bytes.';
COMMENT ON COLUMN inference_services.gpu IS 'Number of GPUs per replica.';
COMMENT ON COLUMN inference_services.replicas IS 'Number of replicas (at least 1).';
COMMENT ON COLUMN inference_services.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN inference_services.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
