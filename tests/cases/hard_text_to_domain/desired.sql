CREATE DOMAIN email_addr AS text CHECK (VALUE ~ '@');
CREATE TABLE contact (id int PRIMARY KEY, email email_addr);
