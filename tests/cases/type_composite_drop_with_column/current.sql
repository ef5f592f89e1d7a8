CREATE TYPE address AS (street text, city text);
CREATE TABLE customers (id int PRIMARY KEY, home address);
