CREATE TABLE reading (id int PRIMARY KEY, v numeric, note text);
ALTER TABLE reading ADD CONSTRAINT reading_v_pos CHECK (v >= 0) NOT VALID;
ALTER TABLE reading ADD CONSTRAINT reading_note_len CHECK (length(note) < 100) NO INHERIT;
