-- off and false are one value: only the fillfactor changes.
CREATE TABLE t (id int PRIMARY KEY, body text)
    WITH (autovacuum_enabled = off, fillfactor = 70, toast.vacuum_truncate = no);
