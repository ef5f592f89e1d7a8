CREATE COLLATION c_utf8 (provider = libc, locale = 'C.utf8');
CREATE TABLE t (id int, s text COLLATE c_utf8);
CREATE TABLE u (name varchar(20) COLLATE c_utf8 NOT NULL);
CREATE INDEX u_name ON u (name);
