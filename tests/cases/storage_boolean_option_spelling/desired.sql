CREATE TABLE t (id int PRIMARY KEY, body text)
    WITH (autovacuum_enabled = false, fillfactor = 80, toast.vacuum_truncate = false);
