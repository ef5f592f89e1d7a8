CREATE SCHEMA "My Schema";
CREATE TYPE "My Schema"."Mood" AS ENUM ('ok', 'it''s fine');
CREATE TABLE "My Schema"."Order" (
    "Id" integer PRIMARY KEY,
    "select" text,
    "a""b" "My Schema"."Mood",
    CONSTRAINT "Check ""quoted""" CHECK (length("select") > 1)
);
COMMENT ON TABLE "My Schema"."Order" IS 'It''s an order';
