CREATE DOMAIN color AS varchar(10) CHECK (VALUE IN ('red', 'green'));
CREATE TABLE x (id int, c color);
