CREATE EXTENSION citext;
CREATE TABLE accounts (id int PRIMARY KEY, email public.citext NOT NULL UNIQUE);
