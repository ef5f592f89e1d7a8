CREATE TABLE "T" ("New ""Name""" int, "from" text NOT NULL DEFAULT 'x');
