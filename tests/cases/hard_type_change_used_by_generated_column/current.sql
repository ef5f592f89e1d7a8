CREATE TABLE item (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int GENERATED ALWAYS AS (price * qty) STORED);
INSERT INTO item (id, price, qty) VALUES (1, 2, 3);
