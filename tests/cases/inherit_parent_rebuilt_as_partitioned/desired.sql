CREATE TABLE base (id int NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE child (id int NOT NULL, at date NOT NULL, extra text);
