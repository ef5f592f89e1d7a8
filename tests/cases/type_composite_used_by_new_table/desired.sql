CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TABLE customers (id int PRIMARY KEY, home address, past address[]);
