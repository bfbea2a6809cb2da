-- 17_ticket_numbers.sql: gap-free ticket numbers (ISSUE-YYYY-NNNN, REQ-YYYY-NNNN).
--
-- A sequence would leave gaps (nextval survives a rollback) and knows nothing of years, so a
-- ticket takes its number by upserting its (kind, year) row in its own transaction:
--     INSERT ... ON CONFLICT (kind, year) DO UPDATE SET last_no = last_no + 1 RETURNING last_no
-- The row lock serialises concurrent creators of one kind and year; a rollback hands the
-- number back to the next one. The first ticket of a year starts after the highest number of
-- that year already in issues/requirements (the seed writes numbered tickets directly).

CREATE TABLE IF NOT EXISTS ticket_sequences (
    kind    VARCHAR(32) NOT NULL,
    year    INT         NOT NULL,
    last_no INT         NOT NULL,
    PRIMARY KEY (kind, year)
);
COMMENT ON TABLE ticket_sequences IS
    'Last ticket number handed out per kind and year; upserted in the ticket''s transaction.';
COMMENT ON COLUMN ticket_sequences.kind IS 'Which numbering: issue (ISSUE-) or requirement (REQ-).';
COMMENT ON COLUMN ticket_sequences.year IS 'UTC calendar year the numbers belong to.';
COMMENT ON COLUMN ticket_sequences.last_no IS 'Highest number taken so far in that year (1-based).';
