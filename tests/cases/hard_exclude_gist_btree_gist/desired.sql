CREATE EXTENSION btree_gist;
CREATE TABLE booking (id int PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL,
  CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
