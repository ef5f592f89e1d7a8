CREATE TABLE entry (id int PRIMARY KEY, m text NOT NULL DEFAULT 'ok');
