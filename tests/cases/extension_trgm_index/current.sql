CREATE EXTENSION pg_trgm; CREATE TABLE docs (id int, body text);
