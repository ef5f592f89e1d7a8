CREATE TABLE usr2 (id int PRIMARY KEY, email text);
CREATE VIEW usr2_v AS SELECT id, email FROM usr2;
