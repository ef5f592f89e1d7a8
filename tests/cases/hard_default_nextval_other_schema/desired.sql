CREATE SCHEMA ids;
CREATE SEQUENCE ids.global_seq;
CREATE TABLE thing (id bigint PRIMARY KEY DEFAULT nextval('ids.global_seq'), name text);
