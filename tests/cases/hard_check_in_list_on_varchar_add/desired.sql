CREATE TABLE shipment (id int PRIMARY KEY, status varchar(16) NOT NULL,
  CONSTRAINT shipment_status_check CHECK (status IN ('new', 'sent', 'lost')));
