CREATE TABLE cur (code char(3) NOT NULL, name text);
CREATE UNIQUE INDEX cur_code_idx ON cur (code);
CREATE TABLE price (id int PRIMARY KEY, cur char(3) REFERENCES cur (code));
