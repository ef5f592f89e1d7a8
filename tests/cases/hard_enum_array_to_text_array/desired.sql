CREATE TABLE fl (id int PRIMARY KEY, fs text[]);
