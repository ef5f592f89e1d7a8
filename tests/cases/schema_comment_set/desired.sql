CREATE SCHEMA app; COMMENT ON SCHEMA app IS 'Application data';
