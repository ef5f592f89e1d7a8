CREATE TABLE sess2 (id serial, token text, uid uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY);
CREATE UNIQUE INDEX sess2_id ON sess2 (id);
