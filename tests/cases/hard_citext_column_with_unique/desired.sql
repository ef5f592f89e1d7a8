CREATE EXTENSION citext;
CREATE TABLE login (id int PRIMARY KEY, email citext UNIQUE);
