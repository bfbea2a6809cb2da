-- =============================================================================
-- 02_system_config.sql
-- Tables: system_configs
-- Plus the configuration rows the allocation and billing rules read.
-- =============================================================================

CREATE TABLE IF NOT EXISTS system_configs (
    id            BIGSERIAL PRIMARY KEY,
    config_key    VARCHAR(128) UNIQUE NOT NULL,
    config_value  TEXT NOT NULL,
    config_type   VARCHAR(32) NOT NULL DEFAULT 'string',
    description   TEXT,
    is_public     BOOLEAN DEFAULT false,
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_system_configs_key ON system_configs (config_key);
CREATE INDEX IF NOT EXISTS idx_system_configs_public ON system_configs (is_public);

CREATE OR REPLACE TRIGGER update_system_configs_updated_at
    BEFORE UPDATE ON system_configs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE system_configs IS 'Key/value platform settings (port ranges, limits, pricing, branding); public rows may be shown to anonymous users.';
COMMENT ON COLUMN system_configs.id IS 'Primary key.';
COMMENT ON COLUMN system_configs.config_key IS 'Unique setting name, e.g. ssh_port_range_start.';
COMMENT ON COLUMN system_configs.config_value IS 'Setting value as text, to be parsed according to config_type.';
COMMENT ON COLUMN system_configs.config_type IS 'How config_value is parsed: string, integer, boolean or json.';
COMMENT ON COLUMN system_configs.description IS 'Human-readable explanation of the setting.';
COMMENT ON COLUMN system_configs.is_public IS 'Whether the setting is visible to the frontend without admin rights.';
COMMENT ON COLUMN system_configs.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN system_configs.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';

INSERT INTO system_configs (config_key, config_value, config_type, description, is_public) VALUES
    ('ssh_port_range_start',        '30000',     'integer', 'First external port of the range allocated for SSH.', false),
    ('ssh_port_range_end',          '40000',     'integer', 'Last external port of the range allocated for SSH.', false),
    ('rdp_port_range_start',        '40001',     'integer', 'First external port of the range allocated for RDP.', false),
    ('rdp_port_range_end',          '50000',     'integer', 'Last external port of the range allocated for RDP.', false),
    ('jupyter_port_range_start',    '50001',     'integer', 'First external port of the range allocated for JupyterLab.', false),
    ('jupyter_port_range_end',      '60000',     'integer', 'Last external port of the range allocated for JupyterLab.', false),
    ('max_environments_per_user',   '10',        'integer', 'Hard cap on the number of environments per customer.', false),
    ('default_environment_timeout', '7200',      'integer', 'Default environment timeout in seconds.', false),
    ('system_name',                 'RemoteGPU', 'string',  'Platform name shown in the user interface.', true),
    ('system_version',              '1.0.0',     'string',  'Platform version shown in the user interface.', true),
    ('price_cpu_core_hour',         '0.0800',    'string',  'Unit price of one CPU core-hour, decimal CNY.', false),
    ('price_memory_gb_hour',        '0.0100',    'string',  'Unit price of one GB of memory per hour, decimal CNY.', false),
    ('price_gpu_hour',              '12.0000',   'string',  'Unit price of one GPU-hour, decimal CNY.', false),
    ('price_storage_gb_day',        '0.0050',    'string',  'Unit price of one GB of storage per day, decimal CNY.', false)
ON CONFLICT (config_key) DO NOTHING;
