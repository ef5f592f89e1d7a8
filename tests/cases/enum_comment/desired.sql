CREATE TYPE mood AS ENUM ('a'); COMMENT ON TYPE mood IS 'feelings';
