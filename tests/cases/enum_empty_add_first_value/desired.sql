CREATE TYPE flag AS ENUM ('on', 'off');
