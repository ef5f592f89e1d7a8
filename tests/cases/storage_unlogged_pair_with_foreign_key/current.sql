CREATE TABLE owners (id int PRIMARY KEY);
