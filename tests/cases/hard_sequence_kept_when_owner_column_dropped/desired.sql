CREATE SEQUENCE ticket_no;
CREATE TABLE new_ticket (id int PRIMARY KEY, no int DEFAULT nextval('ticket_no'));
ALTER SEQUENCE ticket_no OWNED BY new_ticket.no;
