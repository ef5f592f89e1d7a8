CREATE TABLE cur (code char(3) PRIMARY KEY, name text);
CREATE TABLE price (id int PRIMARY KEY, cur char(3) REFERENCES cur (code));
