CREATE EXTENSION pg_trgm;
CREATE TABLE doc (id int PRIMARY KEY, title text, body jsonb, created timestamptz, loc point, slug varchar(50));
