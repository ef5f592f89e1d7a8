CREATE EXTENSION pg_trgm; CREATE TABLE docs (id int, body text);
CREATE INDEX docs_body_trgm ON docs USING gin (body public.gin_trgm_ops);
