CREATE EXTENSION btree_gist;
CREATE TABLE shift (id int PRIMARY KEY, worker int, span tsrange, active boolean);
