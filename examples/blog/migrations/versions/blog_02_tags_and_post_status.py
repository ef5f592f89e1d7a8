"""tags and post status

Revision ID: blog_02
Revises: blog_01

Planned by alembic-lockplane: 11 step(s), highest level safe.
Desired schema: schema.lp.sql
"""

from collections.abc import Sequence

from alembic import op

from alembic_lockplane.integration import ops as lp

# revision identifiers, used by Alembic.
revision: str = 'blog_02'
down_revision: str | Sequence[str] | None = 'blog_01'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# alembic-lockplane: hashes of the managed schema before and after this revision.
source_hash = '822ef57b4bb8f4a6bfe546696f761c93d66415ad902cbb16d8da032edbe810ab'
target_hash = '74fb285a09f4524cc7f970397de808301d7e0ff5d3219097356046caa51b2695'
schemas: tuple[str, ...] | None = ('public',)


def upgrade() -> None:
    """Upgrade schema (safety: safe)."""
    lp.guard(source_hash, schemas=schemas, planned_at=down_revision)

    # Step 1/11 [safe] Create type post_status
    lp.execute("CREATE TYPE public.post_status AS ENUM ('draft', 'published', 'archived')")

    # Step 2/11 [safe] Create table tags
    lp.execute(
        "CREATE TABLE public.tags (id integer GENERATED ALWAYS AS IDENTITY (START WITH 1 "
        "INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE) NOT NULL, name text NOT "
        "NULL, CONSTRAINT tags_name_key UNIQUE (name), CONSTRAINT tags_pkey PRIMARY KEY (id))"
    )

    # Step 3/11 [safe] Create table post_tags
    lp.execute(
        "CREATE TABLE public.post_tags (post_id bigint NOT NULL, tag_id integer NOT NULL, "
        "CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id))"
    )

    # Step 4/11 [safe] Add column status to table posts
    #   lock: ACCESS EXCLUSIVE, catalog only
    lp.execute(
        "ALTER TABLE public.posts ADD COLUMN status public.post_status DEFAULT "
        "'draft'::public.post_status NOT NULL"
    )

    # Step 5/11 [safe] Add column published_at to table posts
    #   lock: ACCESS EXCLUSIVE, catalog only
    lp.execute("ALTER TABLE public.posts ADD COLUMN published_at timestamp with time zone")

    # Step 6/11 [safe] Add constraint posts_published_has_date to table posts (NOT VALID: existing
    # rows not checked yet)
    #   lock: ACCESS EXCLUSIVE, catalog only
    lp.execute(
        "ALTER TABLE public.posts ADD CONSTRAINT posts_published_has_date CHECK (((status <> "
        "'published'::public.post_status) OR (published_at IS NOT NULL))) NOT VALID"
    )

    # Step 7/11 [safe] Validate constraint posts_published_has_date on existing rows
    #   lock: SHARE UPDATE EXCLUSIVE, scans the table
    # Runs outside the migration's transaction (autocommit).
    with op.get_context().autocommit_block():
        lp.execute("ALTER TABLE public.posts VALIDATE CONSTRAINT posts_published_has_date")

    # Step 8/11 [safe] Create index posts_status_published_at_idx (concurrently)
    #   lock: SHARE UPDATE EXCLUSIVE, scans the table
    # Runs outside the migration's transaction (autocommit).
    with op.get_context().autocommit_block():
        lp.execute(
            "CREATE INDEX CONCURRENTLY posts_status_published_at_idx ON public.posts USING btree "
            "(status, published_at)"
        )

    # Step 9/11 [safe] Add constraint post_tags_post_id_fkey to table post_tags
    #   lock: SHARE ROW EXCLUSIVE, catalog only
    lp.execute(
        "ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) "
        "REFERENCES public.posts(id) ON DELETE CASCADE"
    )

    # Step 10/11 [safe] Add constraint post_tags_tag_id_fkey to table post_tags
    lp.execute(
        "ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) "
        "REFERENCES public.tags(id) ON DELETE CASCADE"
    )

    # Step 11/11 [safe] Set comment on table posts
    #   lock: SHARE UPDATE EXCLUSIVE, catalog only
    lp.execute("COMMENT ON TABLE public.posts IS 'Blog posts; published ones carry published_at'")


def downgrade() -> None:
    """Downgrade schema."""
    lp.guard(target_hash, schemas=schemas, planned_at=revision)

    # Undo step 11/11 [safe] Rollback: Set comment on table posts
    lp.execute("COMMENT ON TABLE public.posts IS NULL")

    # Undo step 10/11 [safe] Rollback: Add constraint post_tags_tag_id_fkey to table post_tags
    lp.execute("ALTER TABLE public.post_tags DROP CONSTRAINT post_tags_tag_id_fkey")

    # Undo step 9/11 [safe] Rollback: Add constraint post_tags_post_id_fkey to table post_tags
    lp.execute("ALTER TABLE public.post_tags DROP CONSTRAINT post_tags_post_id_fkey")

    # Undo step 8/11 [safe] Rollback: Create index posts_status_published_at_idx (concurrently)
    # Runs outside the migration's transaction (autocommit).
    with op.get_context().autocommit_block():
        lp.execute("DROP INDEX CONCURRENTLY public.posts_status_published_at_idx")

    # Undo step 6/11 [safe] Rollback: Add constraint posts_published_has_date to table posts (NOT
    # VALID: existing rows not checked yet)
    lp.execute("ALTER TABLE public.posts DROP CONSTRAINT posts_published_has_date")

    # Undo step 5/11 [safe] Rollback: Add column published_at to table posts
    lp.execute("ALTER TABLE public.posts DROP COLUMN published_at")

    # Undo step 4/11 [safe] Rollback: Add column status to table posts
    lp.execute("ALTER TABLE public.posts DROP COLUMN status")

    # Undo step 3/11 [safe] Rollback: Create table post_tags
    lp.execute("DROP TABLE public.post_tags")

    # Undo step 2/11 [safe] Rollback: Create table tags
    lp.execute("DROP TABLE public.tags")

    # Undo step 1/11 [safe] Rollback: Create type post_status
    lp.execute("DROP TYPE public.post_status")
