CREATE TABLE evt (id serial PRIMARY KEY, v text);
INSERT INTO evt (v) VALUES ('a');
