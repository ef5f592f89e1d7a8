CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(t)) $$;
CREATE TABLE tag (id int PRIMARY KEY, name text);
CREATE UNIQUE INDEX tag_norm ON tag (norm(name));
