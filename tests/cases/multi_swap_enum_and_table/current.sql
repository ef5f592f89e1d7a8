CREATE TYPE kind AS ENUM ('a'); CREATE TABLE things (k kind);
