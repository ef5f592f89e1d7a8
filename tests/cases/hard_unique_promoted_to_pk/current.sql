CREATE TABLE sku (code text NOT NULL CONSTRAINT sku_code_key UNIQUE, label text);
CREATE TABLE stock (sku_code text REFERENCES sku (code), qty int);
