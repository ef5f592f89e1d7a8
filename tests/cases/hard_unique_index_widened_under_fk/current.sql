CREATE TABLE sku9 (id int PRIMARY KEY, code text NOT NULL, region text NOT NULL);
CREATE UNIQUE INDEX sku9_code ON sku9 (code);
CREATE TABLE stock9 (sku_code text REFERENCES sku9 (code), qty int);
