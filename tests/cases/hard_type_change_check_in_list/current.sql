CREATE TABLE req (id int PRIMARY KEY, status varchar(20) NOT NULL CONSTRAINT req_status CHECK (status IN ('open', 'done')));
