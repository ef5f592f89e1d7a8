CREATE TABLE parent (id int PRIMARY KEY, code text NOT NULL);CREATE TABLE child (parent_id int);
