CREATE TYPE color AS ENUM ('red', 'grene');
