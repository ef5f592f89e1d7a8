CREATE DOMAIN email AS text CONSTRAINT email_at CHECK (VALUE LIKE '%@%');
CREATE TABLE usr2 (id int PRIMARY KEY, email email);
CREATE VIEW usr2_v AS SELECT id, email FROM usr2;
