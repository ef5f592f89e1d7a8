CREATE TABLE tm (id int PRIMARY KEY, a numeric(12,4), b timestamptz(6), c interval day to second, d bit varying(16), e time(3) with time zone, f text[]);
