CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE users (id int PRIMARY KEY, email text COLLATE case_insensitive NOT NULL);
CREATE UNIQUE INDEX users_email ON users (email);
INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 20) g;
