CREATE TABLE evt2 (id int PRIMARY KEY, kind varchar(10), payload text);
