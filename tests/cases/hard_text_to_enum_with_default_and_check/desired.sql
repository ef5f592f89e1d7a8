CREATE TYPE ticket_state AS ENUM ('open', 'closed');
CREATE TABLE ticket (id int PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open');
CREATE INDEX ticket_open ON ticket (id) WHERE state = 'open';
