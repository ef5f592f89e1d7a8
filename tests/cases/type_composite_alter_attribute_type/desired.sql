CREATE TYPE pair AS (a bigint, b varchar(10));
