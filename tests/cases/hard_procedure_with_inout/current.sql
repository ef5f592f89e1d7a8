CREATE TABLE q (id int);
