CREATE TABLE a (x int, y text);
CREATE TABLE b (z date);
CREATE TABLE c (w bool) INHERITS (a, b);
