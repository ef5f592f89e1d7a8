CREATE TABLE code (id int PRIMARY KEY, a varchar(20), b varchar(5), c varchar(3));
