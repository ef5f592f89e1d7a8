CREATE TABLE t (status text DEFAULT 'new');
