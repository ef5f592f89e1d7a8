CREATE EXTENSION pg_trgm;
CREATE TABLE city (id int PRIMARY KEY, name varchar(80));
CREATE INDEX city_name_pattern ON city (name varchar_pattern_ops);
CREATE INDEX city_name_trgm ON city USING gist (name gist_trgm_ops);
