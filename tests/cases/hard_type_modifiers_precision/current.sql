CREATE TABLE tm (id int PRIMARY KEY, a numeric(10,2), b timestamp(3), c interval, d bit(8), e time(0), f varchar(10)[]);
INSERT INTO tm VALUES (1, 1.5, now(), '1 day', B'10101010', '10:00', '{a}');
