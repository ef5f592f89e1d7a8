CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE entry (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok');
INSERT INTO entry VALUES (1, 'sad');
