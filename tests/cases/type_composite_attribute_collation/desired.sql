CREATE TYPE label AS (code text COLLATE "C", name text, extra text COLLATE "POSIX");
