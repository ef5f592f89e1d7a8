CREATE TABLE geo2 (id int PRIMARY KEY, lat float8, lon float8,
  CONSTRAINT geo2_range CHECK (lat >= -90 AND lat <= 90 AND lon >= -180 AND lon <= 180));
