CREATE TABLE cat (id int PRIMARY KEY, code text);
