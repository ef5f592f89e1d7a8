CREATE TABLE word (id int PRIMARY KEY, w varchar(40) COLLATE "C");
CREATE INDEX word_w ON word (w);
CREATE INDEX word_w_lower ON word (lower(w) COLLATE "POSIX");
