CREATE TABLE sku8 (id int PRIMARY KEY, code text NOT NULL CONSTRAINT sku8_code_key UNIQUE);
CREATE TABLE stock8 (sku_code text REFERENCES sku8 (code), qty int);
