CREATE TABLE node (id text PRIMARY KEY);
CREATE TABLE edge (src text REFERENCES node, dst text REFERENCES node, PRIMARY KEY (src, dst));
INSERT INTO node VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
