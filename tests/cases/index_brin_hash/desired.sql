CREATE TABLE t (at timestamptz, k text); CREATE INDEX t_at ON t USING brin (at); CREATE INDEX t_k ON t USING hash (k);
