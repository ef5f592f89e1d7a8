-- Indexes PostgreSQL marks invalid (pg_index.indisvalid = false): what a CREATE INDEX
-- CONCURRENTLY leaves behind when it fails or its session is killed (or one still running).
-- apply uses it to drop and rebuild the index its own plan was building. User schemas only.
SELECT n.nspname::text, c.relname::text
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid
  AND n.nspname !~ '^pg_'
  AND n.nspname <> 'information_schema'
ORDER BY 1, 2
