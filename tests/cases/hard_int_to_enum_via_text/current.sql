CREATE TABLE lvl2 (id int PRIMARY KEY, level smallint);
