CREATE TABLE t (id int, pct text DEFAULT '50% :x $$ \n', j jsonb DEFAULT '{"a": 1}');
