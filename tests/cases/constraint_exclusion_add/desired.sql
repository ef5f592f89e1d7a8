CREATE TABLE r (during tsrange, CONSTRAINT r_no_overlap EXCLUDE USING gist (during WITH &&));
