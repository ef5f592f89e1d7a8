CREATE TABLE t (id int); COMMENT ON TABLE t IS 'Zoë''s table — “quoted” \ backslash; semi'; COMMENT ON COLUMN t.id IS E'line1\nline2';
