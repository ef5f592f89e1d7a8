CREATE FUNCTION clamp(v int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(0, v) $$;
CREATE TABLE gauge (id int PRIMARY KEY, v int, note varchar(10), c int GENERATED ALWAYS AS (clamp(v)) STORED,
  CONSTRAINT gauge_pos CHECK (clamp(v) >= 0));
CREATE INDEX gauge_note ON gauge (lower(note));
