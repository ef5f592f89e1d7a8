CREATE EXTENSION pg_trgm;
CREATE TABLE city (id int PRIMARY KEY, name text);
CREATE INDEX city_name_pattern ON city (name text_pattern_ops);
CREATE INDEX city_name_trgm ON city USING gist (name gist_trgm_ops);
