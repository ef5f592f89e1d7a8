CREATE TABLE person3 (id int PRIMARY KEY, first text, last text);
