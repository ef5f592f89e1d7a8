CREATE TABLE t (id int PRIMARY KEY, body text)
    WITH (fillfactor = 90, autovacuum_analyze_threshold = 100, parallel_workers = 2);
