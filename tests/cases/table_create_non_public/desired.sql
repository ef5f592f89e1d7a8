CREATE SCHEMA inventory;
CREATE TABLE inventory.items (sku text PRIMARY KEY, qty int NOT NULL DEFAULT 0 CHECK (qty >= 0));
