CREATE TABLE node (id uuid PRIMARY KEY);
CREATE TABLE edge (src uuid REFERENCES node, dst uuid REFERENCES node, PRIMARY KEY (src, dst));
