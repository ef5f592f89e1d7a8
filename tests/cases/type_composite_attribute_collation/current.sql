CREATE TYPE label AS (code text, name text);
