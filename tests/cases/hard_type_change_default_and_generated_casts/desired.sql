CREATE TABLE meas (id int PRIMARY KEY, v double precision DEFAULT 0.5, label text DEFAULT 'n/a');
