CREATE TABLE shipment (id int PRIMARY KEY, status varchar(16) NOT NULL);
