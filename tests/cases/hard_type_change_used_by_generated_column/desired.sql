CREATE TABLE item (id int PRIMARY KEY, price numeric(12,2) NOT NULL, qty int NOT NULL,
  total numeric(12,2) GENERATED ALWAYS AS (price * qty) STORED);
