CREATE SCHEMA ids;
CREATE TABLE thing (id bigint PRIMARY KEY, name text);
