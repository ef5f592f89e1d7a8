CREATE FUNCTION clean(input text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(input) $$;
CREATE TABLE tags (id int PRIMARY KEY, label text DEFAULT public.clean(' x '), CONSTRAINT tags_label_check CHECK (public.clean(label) <> ''));
CREATE UNIQUE INDEX tags_label_uq ON tags (public.clean(label));
CREATE VIEW tag_labels AS SELECT public.clean(label) AS l FROM tags;
