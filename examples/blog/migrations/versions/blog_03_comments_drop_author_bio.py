"""comments, drop author bio

Revision ID: blog_03
Revises: blog_02

Planned by alembic-lockplane: 5 step(s), highest level dangerous.
Desired schema: schema.lp.sql
"""

from collections.abc import Sequence

from alembic import op

from alembic_lockplane.integration import ops as lp

# revision identifiers, used by Alembic.
revision: str = 'blog_03'
down_revision: str | Sequence[str] | None = 'blog_02'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# alembic-lockplane: hashes of the managed schema before and after this revision.
source_hash = '74fb285a09f4524cc7f970397de808301d7e0ff5d3219097356046caa51b2695'
target_hash = '8d74d0beed7dbc6b97c8d59835fc2853ed9de20956a961c41852aa2631baee1b'
schemas: tuple[str, ...] | None = ('public',)


def upgrade() -> None:
    """Upgrade schema (safety: dangerous)."""
    lp.guard(source_hash, schemas=schemas, planned_at=down_revision)

    # Step 1/5 [dangerous] Drop column bio from table authors
    #   dangerous drop_column: Drops column public.authors.bio and its values (ACCESS EXCLUSIVE
    #   lock); the rollback adds the column back with its definition but without its data, and
    #   running code that still selects or inserts it fails.
    #     hint: Stop using the column in the application first, deploy, then drop it in a later
    #     migration; copy the values out if they may be needed. Allow with --allow drop_column.
    #   lock: ACCESS EXCLUSIVE, catalog only
    lp.execute("ALTER TABLE public.authors DROP COLUMN bio")

    # Step 2/5 [safe] Create table comments
    lp.execute(
        "CREATE TABLE public.comments (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1 "
        "INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) NOT NULL, "
        "post_id bigint NOT NULL, author_name text NOT NULL, body text NOT NULL, created_at "
        "timestamp with time zone DEFAULT now() NOT NULL, CONSTRAINT comments_body_check CHECK "
        "((length(body) <= 10000)), CONSTRAINT comments_pkey PRIMARY KEY (id))"
    )

    # Step 3/5 [safe] Create index authors_lower_email_idx (concurrently)
    #   lock: SHARE UPDATE EXCLUSIVE, scans the table
    # Runs outside the migration's transaction (autocommit).
    with op.get_context().autocommit_block():
        lp.execute(
            "CREATE UNIQUE INDEX CONCURRENTLY authors_lower_email_idx ON public.authors USING "
            "btree (lower(email))"
        )

    # Step 4/5 [safe] Create index comments_post_id_created_at_idx
    lp.execute(
        "CREATE INDEX comments_post_id_created_at_idx ON public.comments USING btree (post_id, "
        "created_at)"
    )

    # Step 5/5 [safe] Add constraint comments_post_id_fkey to table comments
    #   lock: SHARE ROW EXCLUSIVE, catalog only
    lp.execute(
        "ALTER TABLE public.comments ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) "
        "REFERENCES public.posts(id) ON DELETE CASCADE"
    )


def downgrade() -> None:
    """Downgrade schema."""
    lp.guard(target_hash, schemas=schemas, planned_at=revision)

    # Undo step 5/5 [safe] Rollback: Add constraint comments_post_id_fkey to table comments
    lp.execute("ALTER TABLE public.comments DROP CONSTRAINT comments_post_id_fkey")

    # Undo step 4/5 [safe] Rollback: Create index comments_post_id_created_at_idx
    lp.execute("DROP INDEX public.comments_post_id_created_at_idx")

    # Undo step 3/5 [safe] Rollback: Create index authors_lower_email_idx (concurrently)
    # Runs outside the migration's transaction (autocommit).
    with op.get_context().autocommit_block():
        lp.execute("DROP INDEX CONCURRENTLY public.authors_lower_email_idx")

    # Undo step 2/5 [safe] Rollback: Create table comments
    lp.execute("DROP TABLE public.comments")

    # Undo step 1/5 [safe] Rollback: Drop column bio from table authors
    lp.execute("ALTER TABLE public.authors ADD COLUMN bio text")
