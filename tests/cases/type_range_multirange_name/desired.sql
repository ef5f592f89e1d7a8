CREATE TYPE timespan AS RANGE (subtype = time, multirange_type_name = timespans);
CREATE TABLE shifts (id int PRIMARY KEY, hours timespans, one timespan);
