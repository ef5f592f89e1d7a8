CREATE TABLE rooms (id int PRIMARY KEY, name text UNIQUE);
CREATE TABLE bookings (
    id int PRIMARY KEY,
    room_id int NOT NULL REFERENCES rooms ON DELETE CASCADE,
    during int4range NOT NULL,
    seats int CHECK (seats > 0),
    code text,
    CONSTRAINT bookings_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&)
);
