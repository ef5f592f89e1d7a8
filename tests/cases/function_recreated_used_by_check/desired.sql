CREATE FUNCTION is_slug(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT value ~ '^[a-z0-9-]+$' $$;
CREATE TABLE pages (id int PRIMARY KEY, slug text CONSTRAINT pages_slug_check CHECK (public.is_slug(slug)));
