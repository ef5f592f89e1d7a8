CREATE TYPE level2 AS ENUM ('1', '2', '3');
CREATE TABLE lvl2 (id int PRIMARY KEY, level level2);
