CREATE TABLE parent (id int PRIMARY KEY, code text NOT NULL);CREATE TABLE child (parent_id int); ALTER TABLE child ADD CONSTRAINT child_fk FOREIGN KEY (parent_id) REFERENCES parent NOT VALID;
