CREATE SCHEMA "Sales"; CREATE TABLE "Sales"."Order" ("Id" int PRIMARY KEY);
