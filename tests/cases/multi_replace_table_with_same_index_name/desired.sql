CREATE TABLE b (x int); CREATE INDEX shared_idx ON b (x);
