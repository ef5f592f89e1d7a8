CREATE SEQUENCE new_seq; CREATE TABLE t (n bigint DEFAULT nextval('new_seq'));
