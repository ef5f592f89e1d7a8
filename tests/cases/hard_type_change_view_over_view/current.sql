CREATE TABLE person (id int PRIMARY KEY, email varchar(100), created timestamp);
CREATE VIEW person_v AS SELECT id, email, created FROM person;
CREATE VIEW person_recent AS SELECT id, email FROM person_v WHERE created > '2020-01-01';
