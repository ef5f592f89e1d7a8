CREATE TYPE perm AS ENUM ('read', 'write', 'admin');
CREATE TABLE role_def (id int PRIMARY KEY, perms perm[] NOT NULL DEFAULT '{read}');
