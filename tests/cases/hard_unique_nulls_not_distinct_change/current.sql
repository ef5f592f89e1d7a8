CREATE TABLE member (id int PRIMARY KEY, org int, email text, CONSTRAINT member_uq UNIQUE (org, email));
