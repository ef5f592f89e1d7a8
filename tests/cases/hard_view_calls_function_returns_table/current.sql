CREATE TABLE sale6 (id int PRIMARY KEY, region text, amt numeric);
