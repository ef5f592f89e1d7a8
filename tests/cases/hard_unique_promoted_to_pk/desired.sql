CREATE TABLE sku (code text NOT NULL CONSTRAINT sku_pkey PRIMARY KEY, label text);
CREATE TABLE stock (sku_code text REFERENCES sku (code), qty int);
