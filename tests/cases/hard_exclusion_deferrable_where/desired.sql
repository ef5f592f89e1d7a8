CREATE EXTENSION btree_gist;
CREATE TABLE shift (id int PRIMARY KEY, worker int, span tsrange, active boolean,
  CONSTRAINT shift_no_overlap EXCLUDE USING gist (worker WITH =, span WITH &&) WHERE (active) DEFERRABLE INITIALLY DEFERRED);
