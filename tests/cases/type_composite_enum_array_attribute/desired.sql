CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TYPE history AS (moods mood[], at timestamptz[], note varchar(200));
CREATE TABLE diary (id int PRIMARY KEY, h history);
