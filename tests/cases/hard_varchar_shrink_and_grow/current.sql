CREATE TABLE code (id int PRIMARY KEY, a varchar(10), b varchar(50), c char(3));
INSERT INTO code VALUES (1, 'abc', 'def', 'xyz');
