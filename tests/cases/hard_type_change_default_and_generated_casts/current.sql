CREATE TABLE meas (id int PRIMARY KEY, v real DEFAULT 0.5, label varchar(10) DEFAULT 'n/a');
