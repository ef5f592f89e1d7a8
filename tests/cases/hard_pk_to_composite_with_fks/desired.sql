CREATE TABLE tenant_doc (id int, tenant int NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE tenant_att (id int PRIMARY KEY, doc_id int, tenant int NOT NULL,
  FOREIGN KEY (tenant, doc_id) REFERENCES tenant_doc (tenant, id));
