CREATE COLLATION sortable (locale = 'C');
COMMENT ON COLLATION sortable IS 'byte order';
CREATE TABLE t (id int, s text COLLATE sortable, tags text[] COLLATE sortable);
CREATE INDEX t_s ON t (s);
INSERT INTO t SELECT g, 'v' || g, ARRAY['x' || g] FROM generate_series(1, 20) g;
