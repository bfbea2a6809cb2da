-- =============================================================================
-- 08_billing.sql
-- Tables: billing_records, invoices
-- No physical foreign keys by design; "->" references are logical.
-- Money columns are NUMERIC(14,4) (allowed improvement over DECIMAL(10,4),
-- which overflows at one million).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- billing_records
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS billing_records (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT NOT NULL,
    env_id         VARCHAR(64),
    resource_type  VARCHAR(32) NOT NULL,
    quantity       FLOAT NOT NULL,
    unit_price     NUMERIC(14,4) NOT NULL,
    amount         NUMERIC(14,4) NOT NULL,
    currency       VARCHAR(10) DEFAULT 'CNY',
    start_time     TIMESTAMPTZ NOT NULL,
    end_time       TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_billing_records_customer ON billing_records (customer_id);
CREATE INDEX IF NOT EXISTS idx_billing_records_env ON billing_records (env_id);
CREATE INDEX IF NOT EXISTS idx_billing_records_start_time ON billing_records (start_time DESC);
CREATE INDEX IF NOT EXISTS idx_billing_records_created_at ON billing_records (created_at DESC);

COMMENT ON TABLE billing_records IS 'Metered usage lines: quantity times unit_price equals amount, for one resource type over [start_time, end_time).';
COMMENT ON COLUMN billing_records.id IS 'Primary key.';
COMMENT ON COLUMN billing_records.customer_id IS 'Billed customer (logical reference to customers.id).';
COMMENT ON COLUMN billing_records.env_id IS 'Environment that used the resource, optional (logical reference to environments.id).';
COMMENT ON COLUMN billing_records.resource_type IS 'Metered resource: cpu, memory, gpu, storage or network.';
COMMENT ON COLUMN billing_records.quantity IS 'Metered quantity, e.g. core-hours, GB-hours or GPU-hours.';
COMMENT ON COLUMN billing_records.unit_price IS 'Price per unit of quantity, in currency.';
COMMENT ON COLUMN billing_records.amount IS 'Charged amount (quantity times unit_price, rounded half-up to 4 places), in currency.';
COMMENT ON COLUMN billing_records.currency IS 'ISO 4217 currency code.';
COMMENT ON COLUMN billing_records.start_time IS 'Start of the metered interval, inclusive (UTC).';
COMMENT ON COLUMN billing_records.end_time IS 'End of the metered interval, exclusive (UTC).';
COMMENT ON COLUMN billing_records.created_at IS 'Row creation time (UTC).';

-- -----------------------------------------------------------------------------
-- invoices
-- -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS invoices (
    id                    BIGSERIAL PRIMARY KEY,
    invoice_no            VARCHAR(64) UNIQUE NOT NULL,
    customer_id           BIGINT NOT NULL,
    billing_period_start  TIMESTAMPTZ NOT NULL,
    billing_period_end    TIMESTAMPTZ NOT NULL,
    total_amount          NUMERIC(14,4) NOT NULL,
    currency              VARCHAR(10) DEFAULT 'CNY',
    status                VARCHAR(20) DEFAULT 'pending',
    paid_at               TIMESTAMPTZ,
    created_at            TIMESTAMPTZ DEFAULT NOW(),
    updated_at            TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_invoices_customer ON invoices (customer_id);
CREATE INDEX IF NOT EXISTS idx_invoices_status ON invoices (status);
CREATE INDEX IF NOT EXISTS idx_invoices_period ON invoices (billing_period_start, billing_period_end);

CREATE OR REPLACE TRIGGER update_invoices_updated_at
    BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON TABLE invoices IS 'Bills that aggregate the billing records of a customer over a billing period.';
COMMENT ON COLUMN invoices.id IS 'Primary key.';
COMMENT ON COLUMN invoices.invoice_no IS 'Unique invoice number, e.g. INV-2025-01-0001.';
COMMENT ON COLUMN invoices.customer_id IS 'Billed customer (logical reference to customers.id).';
COMMENT ON COLUMN invoices.billing_period_start IS 'Start of the billing period (UTC).';
COMMENT ON COLUMN invoices.billing_period_end IS 'End of the billing period (UTC).';
COMMENT ON COLUMN invoices.total_amount IS 'Total amount due, in currency.';
COMMENT ON COLUMN invoices.currency IS 'ISO 4217 currency code.';
COMMENT ON COLUMN invoices.status IS 'Invoice status: pending, paid, overdue or cancelled.';
COMMENT ON COLUMN invoices.paid_at IS 'Time the invoice was paid (UTC).';
COMMENT ON COLUMN invoices.created_at IS 'Row creation time (UTC).';
COMMENT ON COLUMN invoices.updated_at IS 'Time of the last update (UTC), maintained by a trigger.';
