CREATE TABLE member (id int PRIMARY KEY, org int, email text, CONSTRAINT member_uq UNIQUE NULLS NOT DISTINCT (org, email));
