def test_fresh_database_is_empty_and_writable(conn) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public'"
        )
        assert cur.fetchone() == (0,)
        cur.execute("CREATE TABLE t (id int)")
        cur.execute("SELECT count(*) FROM t")
        assert cur.fetchone() == (0,)
