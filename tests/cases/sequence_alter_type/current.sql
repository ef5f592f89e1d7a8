CREATE SEQUENCE counter AS bigint;
