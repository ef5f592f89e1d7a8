CREATE TABLE x2 (id int);
