CREATE TABLE author (id int PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author);
CREATE TABLE review (id int PRIMARY KEY, author_id int REFERENCES author (id));
