CREATE TABLE acc7 (id int PRIMARY KEY, ext uuid NOT NULL UNIQUE);
CREATE TABLE tx7 (id int PRIMARY KEY, acc_ext uuid REFERENCES acc7 (ext));
