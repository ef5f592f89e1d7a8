CREATE TABLE "Things" ("Id" int);
