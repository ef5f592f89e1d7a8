CREATE TABLE geo (id int PRIMARY KEY, lat float8, label text, CONSTRAINT geo_range CHECK (lat BETWEEN -90 AND 90));
CREATE INDEX geo_latlon ON geo (lat);
CREATE INDEX geo_label ON geo (label) WHERE lat IS NOT NULL;
