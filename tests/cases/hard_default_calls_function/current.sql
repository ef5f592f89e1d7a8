CREATE TABLE token (id int PRIMARY KEY, code text);
