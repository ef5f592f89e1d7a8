CREATE TABLE z2 (id int);
