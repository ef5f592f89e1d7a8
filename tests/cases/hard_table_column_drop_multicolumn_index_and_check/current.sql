CREATE TABLE geo (id int PRIMARY KEY, lat float8, label text, lon float8,
  CONSTRAINT geo_range CHECK (lat BETWEEN -90 AND 90), CONSTRAINT geo_lon CHECK (lon >= -180 AND lon <= 180 AND lat IS NOT NULL));
CREATE INDEX geo_latlon ON geo (lat, lon);
CREATE INDEX geo_label ON geo (label) WHERE lat IS NOT NULL;
