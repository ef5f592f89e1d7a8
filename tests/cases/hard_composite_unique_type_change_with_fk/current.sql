CREATE TABLE ver (doc int, rev smallint, PRIMARY KEY (doc, rev));
CREATE TABLE ver_note (doc int, rev smallint, note text, FOREIGN KEY (doc, rev) REFERENCES ver ON DELETE CASCADE);
