CREATE TABLE region (country char(2), code text, name text);
CREATE TABLE emp (id int PRIMARY KEY, boss_id int, country char(2), region text);
