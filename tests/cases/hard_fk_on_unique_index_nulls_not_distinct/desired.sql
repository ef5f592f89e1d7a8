CREATE TABLE cat (id int PRIMARY KEY, code text);
CREATE UNIQUE INDEX cat_code ON cat (code) NULLS NOT DISTINCT;
CREATE TABLE prod (id int PRIMARY KEY, cat_code text REFERENCES cat (code) ON UPDATE CASCADE);
