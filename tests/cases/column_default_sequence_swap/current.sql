CREATE SEQUENCE old_seq; CREATE TABLE t (n bigint DEFAULT nextval('old_seq'));
