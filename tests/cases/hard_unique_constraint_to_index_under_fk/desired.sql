CREATE TABLE sku8 (id int PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX sku8_code_key ON sku8 (code);
CREATE TABLE stock8 (sku_code text REFERENCES sku8 (code), qty int);
