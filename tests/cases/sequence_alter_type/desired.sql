CREATE SEQUENCE counter AS integer;
