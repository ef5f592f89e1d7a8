CREATE TABLE events (id int NOT NULL, at date, CONSTRAINT events_pk PRIMARY KEY (id));
ALTER TABLE events REPLICA IDENTITY USING INDEX events_pk;
