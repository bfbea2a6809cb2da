-- 22_job_runs.sql: one row per run of a platform job (host liveness, housekeeping, roll-ups,
-- metering, ...), written by the job engine (remotegpu/jobs): admins read it through the
-- GraphQL connection jobRuns and `remotegpu jobs`.
--
-- A run is inserted as 'running' before the job's transaction starts and becomes
-- 'succeeded' in that same transaction, so a succeeded run and the job's writes commit
-- together. A job that raises rolls back and its run becomes 'failed' with the error; a run
-- whose worker died stays 'running' until housekeeping calls it 'abandoned' (its queue job
-- is picked again by another worker and gets a run of its own).

CREATE TABLE IF NOT EXISTS job_runs (
    id            BIGSERIAL PRIMARY KEY,
    job_name      VARCHAR(128) NOT NULL,
    queue_job_id  BIGINT,
    attempt       INT          NOT NULL DEFAULT 0,
    worker        VARCHAR(128),
    started_at    TIMESTAMPTZ  NOT NULL DEFAULT NOW(),
    finished_at   TIMESTAMPTZ,
    rows_touched  INT,
    outcome       VARCHAR(16)  NOT NULL DEFAULT 'running',
    error         TEXT,
    CONSTRAINT ck_job_runs_outcome
        CHECK (outcome IN ('running', 'succeeded', 'failed', 'abandoned'))
);
COMMENT ON TABLE job_runs IS 'Runs of platform jobs: what ran, when, how much it changed, how it ended.';
COMMENT ON COLUMN job_runs.id IS 'Primary key.';
COMMENT ON COLUMN job_runs.job_name IS 'Name of the job in the schedule registry, e.g. hosts.liveness.';
COMMENT ON COLUMN job_runs.queue_job_id IS 'Id of the queue job (pgqueuer.id) this run executed; NULL when run directly.';
COMMENT ON COLUMN job_runs.attempt IS 'Retries of the queue job before this run (0 = first attempt).';
COMMENT ON COLUMN job_runs.worker IS 'Worker that ran it (host name and process id).';
COMMENT ON COLUMN job_runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN job_runs.finished_at IS 'When it ended (UTC); NULL while running.';
COMMENT ON COLUMN job_runs.rows_touched IS 'Rows the job inserted, changed or deleted; NULL unless succeeded.';
COMMENT ON COLUMN job_runs.outcome IS 'running, succeeded, failed or abandoned (its worker died).';
COMMENT ON COLUMN job_runs.error IS 'Why a failed run failed (exception type and message).';

CREATE INDEX IF NOT EXISTS idx_job_runs_started ON job_runs (started_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS idx_job_runs_name_started ON job_runs (job_name, started_at DESC);
CREATE INDEX IF NOT EXISTS idx_job_runs_running ON job_runs (started_at)
    WHERE outcome = 'running';
