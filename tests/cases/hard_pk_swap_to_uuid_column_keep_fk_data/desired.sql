CREATE TABLE acc7 (id int NOT NULL UNIQUE, ext uuid PRIMARY KEY);
CREATE TABLE tx7 (id int PRIMARY KEY, acc_ext uuid REFERENCES acc7 (ext));
