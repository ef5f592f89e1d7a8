CREATE TABLE base (id int NOT NULL, at date NOT NULL);
CREATE TABLE child (extra text) INHERITS (base);
