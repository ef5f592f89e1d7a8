CREATE TABLE acc (id int PRIMARY KEY, owner text, bal numeric);
CREATE VIEW my_acc WITH (security_invoker = true, security_barrier) AS SELECT id, owner, bal FROM acc WHERE owner = current_user WITH CASCADED CHECK OPTION;
