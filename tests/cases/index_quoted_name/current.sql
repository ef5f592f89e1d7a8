CREATE TABLE "Big Table" ("Key" int);
