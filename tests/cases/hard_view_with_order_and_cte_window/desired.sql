CREATE TABLE emp2 (id int PRIMARY KEY, dept text, salary numeric);
CREATE VIEW top_paid AS WITH ranked AS (SELECT id, dept, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM emp2)
  SELECT id, dept, salary FROM ranked WHERE r <= 3 ORDER BY dept, salary DESC;
CREATE VIEW dept_stats AS SELECT dept, count(*) FILTER (WHERE salary > 1000) AS rich, avg(salary)::numeric(10,2) AS avg FROM emp2 GROUP BY ROLLUP (dept);
