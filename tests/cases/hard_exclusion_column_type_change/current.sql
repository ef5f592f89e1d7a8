CREATE EXTENSION btree_gist;
CREATE TABLE rsv (id int PRIMARY KEY, room int, during tsrange, EXCLUDE USING gist (room WITH =, during WITH &&));
