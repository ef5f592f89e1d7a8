CREATE SCHEMA util;
CREATE TABLE doc4 (id int PRIMARY KEY, body text, ver int DEFAULT 0);
