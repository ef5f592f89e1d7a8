CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'done');
CREATE SEQUENCE app.ticket_no;
CREATE TABLE app.tickets (
    id bigint PRIMARY KEY DEFAULT nextval('app.ticket_no'),
    status app.status NOT NULL DEFAULT 'new'
);
CREATE INDEX tickets_status_idx ON app.tickets (status);
