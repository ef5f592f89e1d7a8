CREATE SCHEMA ext;
CREATE EXTENSION pg_trgm;
CREATE TABLE art3 (id int PRIMARY KEY, title text);
CREATE INDEX art3_title ON art3 USING gin (title gin_trgm_ops);
