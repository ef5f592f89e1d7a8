CREATE SCHEMA "Sales";
CREATE TYPE "Sales"."State" AS ENUM ('open', 'closed');
CREATE TABLE "Sales"."Customer" ("Id" int PRIMARY KEY, "Name" text NOT NULL);
CREATE TABLE "Sales"."Order" ("Id" int PRIMARY KEY, "Customer Id" int REFERENCES "Sales"."Customer", "State" "Sales"."State" DEFAULT 'open');
CREATE INDEX "Order by customer" ON "Sales"."Order" ("Customer Id");
