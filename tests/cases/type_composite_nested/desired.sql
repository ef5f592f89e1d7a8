CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TYPE inner_part AS (m mood, n posint);
CREATE TYPE outer_part AS (i inner_part, tags inner_part[], note text);
CREATE TABLE keep (id int, o outer_part);
