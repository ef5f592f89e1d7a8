CREATE TABLE slot (id int PRIMARY KEY, pos int UNIQUE, next_id int REFERENCES slot);
