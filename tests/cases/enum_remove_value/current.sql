CREATE TYPE mood AS ENUM ('sad', 'meh', 'happy');
CREATE TABLE t (id int, m mood NOT NULL DEFAULT 'sad', ms mood[]);
INSERT INTO t VALUES (1, 'happy', ARRAY['sad'::mood]);
