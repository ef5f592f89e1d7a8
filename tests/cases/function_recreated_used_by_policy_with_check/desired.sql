CREATE FUNCTION allowed(owner_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT owner_id > 0 $$;
CREATE TABLE notes (id int PRIMARY KEY, owner int);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_insert ON notes FOR INSERT WITH CHECK (public.allowed(owner));
COMMENT ON POLICY notes_insert ON notes IS 'only real owners';
