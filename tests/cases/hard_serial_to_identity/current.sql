CREATE TABLE widget (id serial PRIMARY KEY, name text);
INSERT INTO widget (name) VALUES ('a'), ('b');
