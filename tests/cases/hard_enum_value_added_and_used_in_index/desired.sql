CREATE TYPE prio AS ENUM ('low', 'mid', 'high', 'urgent');
CREATE TABLE ticket (id int PRIMARY KEY, p prio DEFAULT 'mid');
CREATE INDEX ticket_urgent ON ticket (id) WHERE p = 'urgent';
