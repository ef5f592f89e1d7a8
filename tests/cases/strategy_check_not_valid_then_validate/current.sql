CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint, age int);
INSERT INTO users SELECT g, 'u' || g || '@x', g % 3 + 1, g % 90 FROM generate_series(1, 200) g;
