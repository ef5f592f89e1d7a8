CREATE TABLE ver (doc int, rev int, PRIMARY KEY (doc, rev));
CREATE TABLE ver_note (doc int, rev int, note text, FOREIGN KEY (doc, rev) REFERENCES ver ON DELETE CASCADE);
