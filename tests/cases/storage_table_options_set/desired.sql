CREATE TABLE t (id int PRIMARY KEY, body text)
    WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, toast_tuple_target = 256);
