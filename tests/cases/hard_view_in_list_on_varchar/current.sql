CREATE TABLE ord (id int PRIMARY KEY, state varchar(10));
