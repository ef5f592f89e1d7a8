CREATE TABLE ticket (id int PRIMARY KEY, state text NOT NULL DEFAULT 'open');
INSERT INTO ticket VALUES (1, 'closed');
