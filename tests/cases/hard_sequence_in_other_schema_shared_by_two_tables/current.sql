CREATE SCHEMA seqs;
CREATE SEQUENCE seqs.doc_no AS integer;
CREATE TABLE inv_doc (no int DEFAULT nextval('seqs.doc_no'));
