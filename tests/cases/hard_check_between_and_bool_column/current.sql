CREATE TABLE geo3 (id int PRIMARY KEY, lat float8, lon float8, active boolean, a int, b int, c int, d int);
