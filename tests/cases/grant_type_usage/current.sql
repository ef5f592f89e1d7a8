CREATE TYPE mood AS ENUM ('a', 'b');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
