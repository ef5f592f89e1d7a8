CREATE TABLE "Tbl" ("Col" int);
