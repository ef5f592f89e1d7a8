CREATE TABLE person (id int PRIMARY KEY, name text);
CREATE TABLE address (person_id int PRIMARY KEY REFERENCES person ON DELETE CASCADE, street text, city text, zip text);
CREATE INDEX address_city ON address (city);
CREATE VIEW person_city_v AS SELECT p.id, p.name, a.city FROM person p LEFT JOIN address a ON a.person_id = p.id;
