CREATE TYPE st AS ENUM ('draft', 'live', 'gone');
CREATE TABLE page (id int PRIMARY KEY, s st NOT NULL DEFAULT 'draft', CONSTRAINT page_not_gone CHECK (s <> 'gone'));
CREATE INDEX page_live ON page (id) WHERE s = 'live';
INSERT INTO page VALUES (1, 'live');
