CREATE TABLE zoo2 (id int PRIMARY KEY, s varchar(20), t text, n numeric, ts timestamptz, js jsonb, arr int[]);
