CREATE TYPE mood AS ENUM ('awful', 'sad', 'ok', 'good', 'great'); CREATE TABLE t (m mood);
