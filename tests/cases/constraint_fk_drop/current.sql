CREATE TABLE parent (id int PRIMARY KEY, code text NOT NULL);CREATE TABLE child (id int, parent_id int REFERENCES parent);
