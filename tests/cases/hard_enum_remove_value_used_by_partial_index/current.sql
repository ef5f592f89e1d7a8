CREATE TYPE lvl AS ENUM ('a', 'b', 'c');
CREATE TABLE thing (id int PRIMARY KEY, l lvl);
CREATE INDEX thing_b ON thing (id) WHERE l = 'b';
