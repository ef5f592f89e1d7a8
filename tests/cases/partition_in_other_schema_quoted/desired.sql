CREATE SCHEMA "Data";
CREATE TABLE "Data"."Events" (id bigint NOT NULL, "At" date NOT NULL) PARTITION BY RANGE ("At");
CREATE TABLE "Data"."Events 2024" PARTITION OF "Data"."Events" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX "Events_At" ON "Data"."Events" ("At");
