CREATE TYPE flag AS ENUM ('a', 'b');
CREATE TABLE fl (id int PRIMARY KEY, fs flag[]);
INSERT INTO fl VALUES (1, '{a,b}');
