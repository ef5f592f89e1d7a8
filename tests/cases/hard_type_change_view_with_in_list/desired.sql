CREATE TABLE req2 (id int PRIMARY KEY, status text);
CREATE VIEW req2_open AS SELECT id FROM req2 WHERE status IN ('open', 'new');
