CREATE TABLE cat2 (id int PRIMARY KEY, parent int REFERENCES cat2, name varchar(30));
CREATE VIEW cat2_pub WITH (security_barrier) AS SELECT id, name FROM cat2 WHERE name NOT LIKE '\_%';
