CREATE SEQUENCE counter; COMMENT ON SEQUENCE counter IS 'ticket numbers';
