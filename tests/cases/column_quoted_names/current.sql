CREATE TABLE "T" ("Old Name" int);
