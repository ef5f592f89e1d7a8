CREATE TABLE sess2 (id serial PRIMARY KEY, token text);
