CREATE TABLE req (id int PRIMARY KEY, status text NOT NULL CONSTRAINT req_status CHECK (status IN ('open', 'done')));
