CREATE TABLE cfg (id int PRIMARY KEY, s text);
