-- =============================================================================
-- 26_invoice_terms.sql
-- Payment terms of invoices: a pending invoice becomes overdue once
-- invoice_payment_days days have passed since the end of its billing period
-- (remotegpu/domain/invoice_jobs.py). Admin-editable like the prices.
-- An index serves that job's scan of unpaid invoices by period end.
-- =============================================================================

INSERT INTO system_configs (config_key, config_value, config_type, description, is_public) VALUES
    ('invoice_payment_days', '15', 'integer', 'Days after the end of the billing period before an unpaid invoice is overdue.', false)
ON CONFLICT (config_key) DO NOTHING;

CREATE INDEX IF NOT EXISTS idx_invoices_unpaid_period_end
    ON invoices (billing_period_end)
    WHERE status = 'pending';

COMMENT ON INDEX idx_invoices_unpaid_period_end IS
    'Pending invoices by the end of their billing period: the overdue job''s scan.';
