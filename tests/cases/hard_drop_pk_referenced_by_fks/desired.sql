CREATE TABLE author (id int NOT NULL, email text NOT NULL UNIQUE);
CREATE TABLE book (id int PRIMARY KEY, author_id int);
CREATE TABLE review (id int PRIMARY KEY, author_id int);
