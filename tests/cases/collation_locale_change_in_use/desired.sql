CREATE COLLATION sortable (locale = 'C.utf8');
COMMENT ON COLLATION sortable IS 'byte order';
CREATE TABLE t (id int, s text COLLATE sortable, tags text[] COLLATE sortable);
CREATE INDEX t_s ON t (s);
