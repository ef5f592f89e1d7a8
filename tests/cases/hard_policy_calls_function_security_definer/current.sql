CREATE TABLE doc5 (id int PRIMARY KEY, team int);
