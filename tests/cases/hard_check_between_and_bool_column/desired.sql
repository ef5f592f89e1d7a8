CREATE TABLE geo3 (id int PRIMARY KEY, lat float8, lon float8, active boolean, a int, b int, c int, d int,
  CONSTRAINT geo3_range CHECK (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180),
  CONSTRAINT geo3_act CHECK (lat BETWEEN 0 AND 1 AND active),
  CONSTRAINT geo3_or CHECK (a IN (b, c) AND d > 0),
  CONSTRAINT geo3_or2 CHECK (a IN (b, c) OR d IN (b, c) OR a IS NULL),
  CONSTRAINT geo3_row CHECK ((a, b) = (c, d) OR a > 0),
  CONSTRAINT geo3_sym CHECK (a BETWEEN SYMMETRIC b AND c OR d = 1));
CREATE INDEX geo3_part ON geo3 (id) WHERE lat BETWEEN 0 AND 10 AND NOT active;
CREATE VIEW geo3_v AS SELECT id, lat BETWEEN 0 AND 1 AND lon BETWEEN 0 AND 1 AS unit FROM geo3 WHERE a BETWEEN 1 AND 5 AND b IN (c, d);
