CREATE TABLE readings (id int PRIMARY KEY);
