CREATE TYPE st AS ENUM ('draft', 'live');
CREATE TABLE page (id int PRIMARY KEY, s st NOT NULL DEFAULT 'draft');
CREATE INDEX page_live ON page (id) WHERE s = 'live';
