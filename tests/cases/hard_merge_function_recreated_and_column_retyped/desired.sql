CREATE FUNCTION clamp(v int) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(0, v)::bigint $$;
CREATE TABLE gauge (id int PRIMARY KEY, v int, note text, c bigint GENERATED ALWAYS AS (clamp(v)) STORED,
  CONSTRAINT gauge_pos CHECK (clamp(v) >= 0));
CREATE INDEX gauge_note ON gauge (lower(note));
