CREATE FUNCTION is_slug(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[a-z-]+$' $$;
CREATE TABLE pages (id int PRIMARY KEY, slug text CONSTRAINT pages_slug_check CHECK (public.is_slug(slug)));
