CREATE TABLE person (id int PRIMARY KEY, name text, street text, city text, zip varchar(10));
CREATE INDEX person_city ON person (city);
CREATE VIEW person_city_v AS SELECT id, name, city FROM person;
