-- =============================================================================
-- 06_data_and_images.sql
-- Tables: datasets, dataset_versions, models, model_versions, images
-- No physical foreign keys by design; "->" references are logical.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- datasets
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS datasets (
    id            BIGSERIAL PRIMARY KEY,
    uuid          UUID UNIQUE NOT NULL DEFAULT gen_random_uuid(),
    customer_id   BIGINT NOT NULL,
    workspace_id  BIGINT,
    name          VARCHAR(256) NOT NULL,
    description   TEXT,
    storage_path  VARCHAR(512) NOT NULL,
    storage_type  VARCHAR(32) DEFAULT 'minio',
    total_size    BIGINT DEFAULT 0,
    file_count    INT DEFAULT 0,
    status        VARCHAR(20) DEFAULT 'uploading',
    visibility    VARCHAR(20) DEFAULT 'private',
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_datasets_customer ON datasets (customer_id);
CREATE INDEX IF NOT EXISTS idx_datasets_workspace ON datasets (workspace_id);
CREATE INDEX IF NOT EXISTS idx_datasets_status ON datasets (status);
CREATE INDEX IF NOT EXISTS idx_datasets_visibility ON datasets (visibility);

CREATE OR REPLACE TRIGGER update_datasets_updated_at
    BEFORE UPDATE ON datasets
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE datasets IS 'Datasets owned by a customer, optionally in a workspace.';
COMMENT ON COLUMN datasets.id IS 'Primary key.';
COMMENT ON COLUMN datasets.uuid IS 'Stable public identifier of the dataset.';
COMMENT ON COLUMN datasets.customer_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN datasets.workspace_id IS 'Workspace the dataset belongs to, optional (logical reference to workspaces.id).';
COMMENT ON COLUMN datasets.name IS 'Dataset name.';
COMMENT ON COLUMN datasets.description IS 'Free-text description.';
COMMENT ON COLUMN datasets.storage_path IS 'Location of the dataset files in storage.';
COMMENT ON COLUMN datasets.storage_type IS 'Storage backend: minio, s3 or nfs.';
COMMENT ON COLUMN datasets.total_size IS 'Total size in bytes.';
COMMENT ON COLUMN datasets.file_count IS 'Number of files.';
COMMENT ON COLUMN datasets.status IS 'Dataset status: uploading, ready or error.';
COMMENT ON COLUMN datasets.visibility IS 'Visibility: private, workspace or public.';
COMMENT ON COLUMN datasets.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN datasets.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- dataset_versions
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS dataset_versions (
    id            BIGSERIAL PRIMARY KEY,
    dataset_id    BIGINT NOT NULL,
    version       VARCHAR(64) NOT NULL,
    description   TEXT,
    storage_path  VARCHAR(512) NOT NULL,
    size          BIGINT DEFAULT 0,
    file_count    INT DEFAULT 0,
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (dataset_id, version)
);

CREATE INDEX IF NOT EXISTS idx_dataset_versions_dataset ON dataset_versions (dataset_id);

COMMENT ON TABLE dataset_versions IS 'Immutable versions of a dataset.';
COMMENT ON COLUMN dataset_versions.id IS 'Primary key.';
COMMENT ON COLUMN dataset_versions.dataset_id IS 'Dataset this version belongs to (logical reference to datasets.id).';
COMMENT ON COLUMN dataset_versions.version IS 'Version label such as v1.0, unique per dataset.';
COMMENT ON COLUMN dataset_versions.description IS 'Free-text description of the version.';
COMMENT ON COLUMN dataset_versions.storage_path IS 'Location of the version files in storage.';
COMMENT ON COLUMN dataset_versions.size IS 'Size of the version in bytes.';
COMMENT ON COLUMN dataset_versions.file_count IS 'Number of files in the version.';
COMMENT ON COLUMN dataset_versions.created_at IS 'Row creation time (UTC).';

-- -----------------------------------------------------------------------------
-- models
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS models (
    id            BIGSERIAL PRIMARY KEY,
    uuid          UUID UNIQUE NOT NULL DEFAULT gen_random_uuid(),
    customer_id   BIGINT NOT NULL,
    workspace_id  BIGINT,
    name          VARCHAR(256) NOT NULL,
    description   TEXT,
    framework     VARCHAR(64),
    storage_path  VARCHAR(512) NOT NULL,
    total_size    BIGINT DEFAULT 0,
    status        VARCHAR(20) DEFAULT 'uploading',
    visibility    VARCHAR(20) DEFAULT 'private',
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_models_customer ON models (customer_id);
CREATE INDEX IF NOT EXISTS idx_models_workspace ON models (workspace_id);
CREATE INDEX IF NOT EXISTS idx_models_framework ON models (framework);

CREATE OR REPLACE TRIGGER update_models_updated_at
    BEFORE UPDATE ON models
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE models IS 'Machine-learning models owned by a customer, optionally in a workspace.';
COMMENT ON COLUMN models.id IS 'Primary key.';
COMMENT ON COLUMN models.uuid IS 'Stable public identifier of the model.';
COMMENT ON COLUMN models.customer_id IS 'Owning customer (logical reference to customers.id).';
COMMENT ON COLUMN models.workspace_id IS 'Workspace the model belongs to, optional (logical reference to workspaces.id).';
COMMENT ON COLUMN models.name IS 'Model name.';
COMMENT ON COLUMN models.description IS 'Free-text description.';
COMMENT ON COLUMN models.framework IS 'Framework, e.g. pytorch, tensorflow or onnx.';
COMMENT ON COLUMN models.storage_path IS 'Location of the model files in storage.';
COMMENT ON COLUMN models.total_size IS 'Total size in bytes.';
COMMENT ON COLUMN models.status IS 'Model status: uploading, ready or error.';
COMMENT ON COLUMN models.visibility IS 'Visibility: private, workspace or public.';
COMMENT ON COLUMN models.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN models.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

-- -----------------------------------------------------------------------------
-- model_versions
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS model_versions (
    id            BIGSERIAL PRIMARY KEY,
    model_id      BIGINT NOT NULL,
    version       VARCHAR(64) NOT NULL,
    description   TEXT,
    storage_path  VARCHAR(512) NOT NULL,
    size          BIGINT DEFAULT 0,
    metrics       JSONB,
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (model_id, version)
);

CREATE INDEX IF NOT EXISTS idx_model_versions_model ON model_versions (model_id);

COMMENT ON TABLE model_versions IS 'Immutable versions of a model, with evaluation metrics.';
COMMENT ON COLUMN model_versions.id IS 'Primary key.';
COMMENT ON COLUMN model_versions.model_id IS 'Model this version belongs to (logical reference to models.id).';
COMMENT ON COLUMN model_versions.version IS 'Version label such as v1.0, unique per model.';
COMMENT ON COLUMN model_versions.description IS 'Free-text description of the version.';
COMMENT ON COLUMN model_versions.storage_path IS 'Location of the version files in storage.';
COMMENT ON COLUMN model_versions.size IS 'Size of the version in bytes.';
COMMENT ON COLUMN model_versions.metrics IS 'Evaluation metrics as JSON, e.g. {"accuracy":0.93,"loss":0.21}.';
COMMENT ON COLUMN model_versions.created_at IS 'Row creation time (UTC).';

-- -----------------------------------------------------------------------------
-- images
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS images (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(256) UNIQUE NOT NULL,
    display_name       VARCHAR(256),
    description        TEXT,
    category           VARCHAR(64),
    framework          VARCHAR(64),
    framework_version  VARCHAR(64),
    cuda_version       VARCHAR(32),
    python_version     VARCHAR(32),
    is_official        BOOLEAN DEFAULT false,
    size               BIGINT,
    registry_url       VARCHAR(512),
    status             VARCHAR(20) DEFAULT 'active',
    created_at         TIMESTAMPTZ DEFAULT NOW(),
    updated_at         TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_images_category ON images (category);
CREATE INDEX IF NOT EXISTS idx_images_framework ON images (framework);
CREATE INDEX IF NOT EXISTS idx_images_is_official ON images (is_official);
CREATE INDEX IF NOT EXISTS idx_images_status ON images (status);

CREATE OR REPLACE TRIGGER update_images_updated_at
    BEFORE UPDATE ON images
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE images IS 'Container images that environments can be started from; name is the unique image reference.';
COMMENT ON COLUMN images.id IS 'Primary key.';
COMMENT ON COLUMN images.name IS 'Unique image reference, e.g. pytorch:2.1-cuda12.1.';
COMMENT ON COLUMN images.display_name IS 'Name shown in the user interface.';
COMMENT ON COLUMN images.description IS 'Free-text description.';
COMMENT ON COLUMN images.category IS 'Category, e.g. base, pytorch, tensorflow or custom.';
COMMENT ON COLUMN images.framework IS 'Machine-learning framework included in the image.';
COMMENT ON COLUMN images.framework_version IS 'Version of the included framework.';
COMMENT ON COLUMN images.cuda_version IS 'CUDA version included in the image.';
COMMENT ON COLUMN images.python_version IS 'Python version included in the image.';
COMMENT ON COLUMN images.is_official IS 'Whether the image is maintained by the platform.';
COMMENT ON COLUMN images.size IS 'Image size in bytes.';
COMMENT ON COLUMN images.registry_url IS 'Registry URL the image is pulled from.';
COMMENT ON COLUMN images.status IS 'Image status: active or deprecated (deprecated images cannot start new environments).';
COMMENT ON COLUMN images.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN images.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
