CREATE TABLE a (x int); CREATE INDEX shared_idx ON a (x);
