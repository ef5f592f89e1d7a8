CREATE TABLE docs (id int PRIMARY KEY, body text)
    WITH (fillfactor = 80, toast.autovacuum_vacuum_cost_delay = 5, toast.log_autovacuum_min_duration = 1000);
