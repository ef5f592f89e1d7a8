CREATE DOMAIN slug2 AS text;
CREATE TABLE cfg3 (id int PRIMARY KEY, s slug2);
