CREATE TABLE task (id int PRIMARY KEY, state varchar(10), due date);
