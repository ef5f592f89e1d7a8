CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (code text);
