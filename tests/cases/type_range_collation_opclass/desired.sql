CREATE TYPE textrange_c AS RANGE (subtype = text, collation = "C");
CREATE TYPE textrange_p AS RANGE (subtype = text, subtype_opclass = text_pattern_ops);
CREATE TABLE spans (id int PRIMARY KEY, a textrange_c, b textrange_p);
