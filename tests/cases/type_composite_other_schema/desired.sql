CREATE SCHEMA geo;
CREATE TYPE geo.point2 AS (x double precision, y double precision);
CREATE TYPE geo."Segment" AS ("from" geo.point2, "to" geo.point2);
CREATE TABLE geo.paths (id int PRIMARY KEY, s geo."Segment");
COMMENT ON TYPE geo."Segment" IS 'two points';
