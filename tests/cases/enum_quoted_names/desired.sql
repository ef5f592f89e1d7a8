CREATE TYPE "Mood Type" AS ENUM ('it''s', 'Two Words', '"q"');
