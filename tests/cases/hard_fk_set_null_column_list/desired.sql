CREATE TABLE t_org (tenant int, id int, PRIMARY KEY (tenant, id));
CREATE TABLE t_user (tenant int NOT NULL, id int, org_id int, PRIMARY KEY (tenant, id),
  FOREIGN KEY (tenant, org_id) REFERENCES t_org ON DELETE SET NULL (org_id));
