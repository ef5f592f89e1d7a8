CREATE COLLATION legacy (lc_collate = 'C', lc_ctype = 'C.utf8');
CREATE TABLE t (id int, old_name text COLLATE legacy);
CREATE INDEX t_old_name ON t (old_name);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
