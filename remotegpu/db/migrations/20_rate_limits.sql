-- 20_rate_limits.sql: request counters shared by every worker and replica.
--
-- Rows per (bucket, window, shard): a bucket is what is limited ("op:customer:42",
-- "op:addr:10.0.0.7", "login:user:<hash>"), a window a fixed slice of time of the bucket's
-- length. Each request upserts its buckets' rows of the current window with one
-- INSERT ... ON CONFLICT DO UPDATE and, in the same statement, sums the current and previous
-- windows for a sliding-window estimate. A bucket's count is spread over a few shards (the
-- request picks one) so that a burst from one address does not queue on one row lock. The table is UNLOGGED:
-- counters are worth nothing after a crash (PostgreSQL empties the table then) and skipping
-- the WAL keeps the per-request write cheap. Old windows are deleted by the API from time to
-- time (remotegpu/ratelimit.py); `window_start` is indexed for that.

CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit_windows (
    bucket       VARCHAR(200) NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    shard        SMALLINT     NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (bucket, window_start, shard)
);
COMMENT ON TABLE rate_limit_windows IS
    'Requests counted per rate-limit bucket and fixed time window; unlogged, pruned by the API.';
COMMENT ON COLUMN rate_limit_windows.bucket IS
    'What is limited: kind, subject and key, e.g. op:viewer:42, op:addr:10.0.0.7, login:user:alice.';
COMMENT ON COLUMN rate_limit_windows.window_start IS
    'Start of the window (UTC), a multiple of the bucket''s window length since the epoch.';
COMMENT ON COLUMN rate_limit_windows.shard IS
    'Which of the bucket''s counters of this window (0..7); the count is the sum over shards.';
COMMENT ON COLUMN rate_limit_windows.hits IS 'Requests counted in this bucket, window and shard.';
CREATE INDEX IF NOT EXISTS idx_rate_limit_windows_start ON rate_limit_windows (window_start);
