CREATE TABLE geo2 (id int PRIMARY KEY, lat float8, lon float8);
