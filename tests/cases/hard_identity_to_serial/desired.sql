CREATE TABLE lg (id serial PRIMARY KEY, v text);
