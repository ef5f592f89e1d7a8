-- Dropped: the rollback creates the table again with every setting it had.
CREATE TABLE keep (id int);
CREATE UNLOGGED TABLE cache (k int NOT NULL, v text, n int)
    WITH (fillfactor = 60, autovacuum_enabled = off, toast.autovacuum_enabled = false);
CREATE UNIQUE INDEX cache_k ON cache (k);
ALTER TABLE cache REPLICA IDENTITY USING INDEX cache_k;
ALTER TABLE cache ALTER COLUMN v SET STORAGE MAIN, ALTER COLUMN v SET COMPRESSION pglz,
    ALTER COLUMN n SET STATISTICS 0;
