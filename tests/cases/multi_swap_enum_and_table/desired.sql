CREATE TABLE kinds (name text PRIMARY KEY); CREATE TABLE things (k text REFERENCES kinds);
