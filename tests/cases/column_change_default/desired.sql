CREATE TABLE t (status text DEFAULT 'draft');
