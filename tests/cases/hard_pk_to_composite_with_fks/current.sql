CREATE TABLE tenant_doc (id int PRIMARY KEY, tenant int NOT NULL);
CREATE TABLE tenant_att (id int PRIMARY KEY, doc_id int REFERENCES tenant_doc, tenant int NOT NULL);
