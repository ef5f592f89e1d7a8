CREATE SCHEMA app;
CREATE SCHEMA text_rules;
CREATE COLLATION text_rules.bytes (provider = libc, locale = 'C.utf8');
CREATE TABLE app.items (id int, label text COLLATE text_rules.bytes);
CREATE DOMAIN app.code AS text COLLATE text_rules.bytes;
CREATE TABLE app.codes (c app.code);
