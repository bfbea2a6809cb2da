-- =============================================================================
-- 25_environment_status_history.sql
-- environment_status_history: every status an environment entered, with the resources it
-- held then, written by a trigger so that no mutation has to remember it.
--
-- Metering (remotegpu/domain/metering.py) bills the time between status changes, so an
-- environment that started and stopped between two metering runs is still billed for the
-- minutes it ran. The trigger fires AFTER INSERT and AFTER UPDATE OF status, cpu, memory, gpu,
-- storage (a resize changes the price of the following hours) and writes a row only when one
-- of those values changed; AFTER DELETE it writes a final 'deleted' row (a removed row holds
-- nothing). changed_at is the transaction time
-- (NOW()), the instant the change commits under.
--
-- Environments that exist when this file runs get one row with their current state at the
-- migration's time: history, and so metering, starts there.
-- =============================================================================

CREATE TABLE IF NOT EXISTS environment_status_history (
    id          BIGSERIAL PRIMARY KEY,
    env_id      VARCHAR(64) NOT NULL,
    user_id     BIGINT NOT NULL,
    status      VARCHAR(20),
    cpu         INT NOT NULL,
    memory      BIGINT NOT NULL,
    gpu         INT,
    storage     BIGINT,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_environment_status_history_env_time
    ON environment_status_history (env_id, changed_at);
CREATE INDEX IF NOT EXISTS idx_environment_status_history_changed_at
    ON environment_status_history (changed_at);

COMMENT ON TABLE environment_status_history IS 'Every status an environment entered, with the resources it held from then on; written by a trigger on environments, read by metering.';
COMMENT ON COLUMN environment_status_history.id IS 'Primary key; orders changes of one transaction.';
COMMENT ON COLUMN environment_status_history.env_id IS 'Environment that changed (logical reference to environments.id).';
COMMENT ON COLUMN environment_status_history.user_id IS 'Owner of the environment at the change (logical reference to customers.id), the customer billed.';
COMMENT ON COLUMN environment_status_history.status IS 'Status entered: creating, running, stopped, error, deleting or deleted.';
COMMENT ON COLUMN environment_status_history.cpu IS 'CPU cores held from the change on.';
COMMENT ON COLUMN environment_status_history.memory IS 'Memory in bytes held from the change on.';
COMMENT ON COLUMN environment_status_history.gpu IS 'Number of GPUs held from the change on.';
COMMENT ON COLUMN environment_status_history.storage IS 'Storage in bytes held from the change on.';
COMMENT ON COLUMN environment_status_history.changed_at IS 'Time of the change (UTC; the transaction time of the change).';

CREATE OR REPLACE FUNCTION record_environment_status() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A removed row holds nothing from now on: close its history.
        INSERT INTO environment_status_history (env_id, user_id, status, cpu, memory, gpu, storage)
        VALUES (OLD.id, OLD.user_id, 'deleted', OLD.cpu, OLD.memory, OLD.gpu, OLD.storage);
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE'
       AND NEW.status IS NOT DISTINCT FROM OLD.status
       AND NEW.cpu IS NOT DISTINCT FROM OLD.cpu
       AND NEW.memory IS NOT DISTINCT FROM OLD.memory
       AND NEW.gpu IS NOT DISTINCT FROM OLD.gpu
       AND NEW.storage IS NOT DISTINCT FROM OLD.storage THEN
        RETURN NULL;
    END IF;
    INSERT INTO environment_status_history (env_id, user_id, status, cpu, memory, gpu, storage)
    VALUES (NEW.id, NEW.user_id, NEW.status, NEW.cpu, NEW.memory, NEW.gpu, NEW.storage);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

COMMENT ON FUNCTION record_environment_status() IS
    'Appends the new status and resources of an environment to environment_status_history.';

CREATE OR REPLACE TRIGGER record_environment_status
    AFTER INSERT OR UPDATE OF status, cpu, memory, gpu, storage OR DELETE ON environments
    FOR EACH ROW EXECUTE FUNCTION record_environment_status();

INSERT INTO environment_status_history (env_id, user_id, status, cpu, memory, gpu, storage)
SELECT e.id, e.user_id, e.status, e.cpu, e.memory, e.gpu, e.storage
FROM environments e
WHERE NOT EXISTS (SELECT 1 FROM environment_status_history h WHERE h.env_id = e.id);
