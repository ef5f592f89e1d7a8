CREATE TABLE t (n int); COMMENT ON COLUMN t.n IS 'count';
