CREATE TABLE acc (id int PRIMARY KEY, owner text, bal numeric);
CREATE VIEW my_acc AS SELECT id, owner, bal FROM acc WHERE owner = current_user;
