-- =============================================================================
-- 01_init_database.sql
-- Database initialisation: optional extensions, UTC time zone, and the shared
-- trigger function that keeps updated_at current.
--
-- Runs with plain `psql -v ON_ERROR_STOP=1 -f` and inside a single transaction
-- (the migration runner wraps each file in one); therefore no BEGIN/COMMIT here.
-- =============================================================================

-- Extensions "uuid-ossp" and pgcrypto are enabled only where the server offers
-- them, so the schema also runs on a server without contrib. Nothing in the
-- schema depends on them: UUID defaults use the built-in gen_random_uuid().
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'uuid-ossp') THEN
        CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
    END IF;
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgcrypto') THEN
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
    END IF;
END
$$;

-- All times are UTC instants: make UTC the default for new sessions on this
-- database, and for the current session.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC');
END
$$;

SET TIME ZONE 'UTC';

-- Shared BEFORE UPDATE trigger function: sets updated_at to the current time.
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION update_updated_at_column() IS
    'Trigger function (BEFORE UPDATE, FOR EACH ROW) that sets updated_at to NOW().';
