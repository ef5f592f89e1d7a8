CREATE TYPE pair AS (a integer, c date);
