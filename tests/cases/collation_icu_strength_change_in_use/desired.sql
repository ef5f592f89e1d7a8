CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
COMMENT ON COLLATION case_insensitive IS 'ignores case and accents';
CREATE TABLE users (id int PRIMARY KEY, email text COLLATE case_insensitive NOT NULL);
CREATE UNIQUE INDEX users_email ON users (email);
