CREATE TABLE t (id int PRIMARY KEY, body text)
    WITH (fillfactor = 70, autovacuum_enabled = off, parallel_workers = 2);
