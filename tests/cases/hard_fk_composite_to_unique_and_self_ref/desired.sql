CREATE TABLE region (country char(2), code text, name text, CONSTRAINT region_uq UNIQUE (country, code));
CREATE TABLE emp (id int PRIMARY KEY, boss_id int REFERENCES emp ON DELETE SET NULL, country char(2), region text,
  CONSTRAINT emp_region_fk FOREIGN KEY (country, region) REFERENCES region (country, code) ON UPDATE CASCADE);
