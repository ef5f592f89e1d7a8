CREATE TABLE cc (id int PRIMARY KEY, code char(2));
