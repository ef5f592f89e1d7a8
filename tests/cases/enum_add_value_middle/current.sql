CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE p (id int, m mood DEFAULT 'sad');
