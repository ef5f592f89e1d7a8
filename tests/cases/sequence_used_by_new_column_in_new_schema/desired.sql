CREATE SCHEMA seqs; CREATE SEQUENCE seqs.numbers;
CREATE TABLE t (id int, n bigint DEFAULT nextval('seqs.numbers'));
