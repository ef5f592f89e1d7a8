CREATE TABLE t (n int CONSTRAINT pos CHECK (n > 0)); COMMENT ON CONSTRAINT pos ON t IS 'positive only';
