CREATE TABLE cat2 (id int PRIMARY KEY, parent int REFERENCES cat2, name text);
CREATE VIEW cat2_pub WITH (security_barrier) AS SELECT id, name FROM cat2 WHERE name NOT LIKE '\_%';
CREATE RECURSIVE VIEW cat2_tree (id, path) AS SELECT id, name::text FROM cat2 WHERE parent IS NULL UNION ALL SELECT c.id, t.path || '/' || c.name FROM cat2 c JOIN cat2_tree t ON c.parent = t.id;
