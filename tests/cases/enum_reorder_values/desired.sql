CREATE TYPE size AS ENUM ('small', 'large'); CREATE TABLE shirts (s size);
