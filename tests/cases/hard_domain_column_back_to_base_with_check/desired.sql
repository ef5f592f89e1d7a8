CREATE TABLE grade (id int PRIMARY KEY, score numeric(5,2) CHECK (score BETWEEN 0 AND 100));
