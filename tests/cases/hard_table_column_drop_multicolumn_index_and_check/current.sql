CREATE TABLE geo (id int PRIMARY KEY, lat float8, label text, lon float8,
  CONSTRAINT geo_range CHECK (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180));
CREATE INDEX geo_latlon ON geo (lat, lon);
CREATE INDEX geo_label ON geo (label) WHERE lat IS NOT NULL;
