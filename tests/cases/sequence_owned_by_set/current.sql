CREATE TABLE t (id bigint); CREATE SEQUENCE t_ids;
