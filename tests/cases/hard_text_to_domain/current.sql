CREATE TABLE contact (id int PRIMARY KEY, email text);
INSERT INTO contact VALUES (1, 'X@Y.z');
