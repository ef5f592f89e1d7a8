CREATE TYPE prio AS ENUM ('low', 'high');
CREATE TABLE ticket (id int PRIMARY KEY, p prio);
