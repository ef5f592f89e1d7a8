CREATE SCHEMA seqs;
CREATE SEQUENCE seqs.doc_no AS bigint INCREMENT 2 START 100;
CREATE TABLE inv_doc (no bigint DEFAULT nextval('seqs.doc_no'));
CREATE TABLE credit_doc (no bigint DEFAULT nextval('seqs.doc_no'));
