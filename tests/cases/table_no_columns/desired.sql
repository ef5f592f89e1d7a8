CREATE TABLE empty_marker ();
