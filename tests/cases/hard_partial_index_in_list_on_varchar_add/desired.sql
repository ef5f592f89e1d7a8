CREATE TABLE task (id int PRIMARY KEY, state varchar(10), due date);
CREATE INDEX task_due_open ON task (due) WHERE state IN ('todo', 'doing');
