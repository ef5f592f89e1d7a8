CREATE TABLE reading (id int PRIMARY KEY, v int);
INSERT INTO reading VALUES (1, -5);
ALTER TABLE reading ADD CONSTRAINT reading_v_pos CHECK (v >= 0) NOT VALID;
