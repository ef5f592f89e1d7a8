CREATE TABLE emp2 (id int PRIMARY KEY, dept text, salary numeric);
