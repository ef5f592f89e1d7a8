"""tags and post status

Revision ID: blog_02
Revises: blog_01
Create Date: 2026-11-25 18:55:23.121305

Planned by alembic-lockplane: 10 step(s), highest level review.
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
source_hash = 'f0aee5b928272bf29cd9c5d665f6459ae5fb18f95e6b1b38fc9c930d04e793ab'
target_hash = '61f294e238973cff1257aaf70512d00cb3f666b401d15a15b72fa9df605c4569'
schemas: tuple[str, ...] | None = ('public',)


def upgrade() -> None:
    """Upgrade schema (safety: review)."""
    lp.guard(source_hash, schemas=schemas, planned_at=down_revision)

    # Step 1/10 [safe] Create type post_status
    lp.execute("CREATE TYPE public.post_status AS ENUM ('draft', 'published', 'archived')")

    # Step 2/10 [safe] Create table tags
    lp.execute(
        "CREATE TABLE public.tags (id integer GENERATED ALWAYS AS IDENTITY (START WITH 1 "
        "INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE) NOT NULL, name text NOT "
        "NULL, CONSTRAINT tags_name_key UNIQUE (name), CONSTRAINT tags_pkey PRIMARY KEY (id))"
    )

    # Step 3/10 [safe] Create table post_tags
    lp.execute(
        "CREATE TABLE public.post_tags (post_id bigint NOT NULL, tag_id integer NOT NULL, "
        "CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id))"
    )

    # Step 4/10 [safe] Add column status to table posts
    #   lock: ACCESS EXCLUSIVE
    lp.execute(
        "ALTER TABLE public.posts ADD COLUMN status public.post_status DEFAULT "
        "'draft'::public.post_status NOT NULL"
    )

    # Step 5/10 [safe] Add column published_at to table posts
    #   lock: ACCESS EXCLUSIVE
    lp.execute("ALTER TABLE public.posts ADD COLUMN published_at timestamp with time zone")

    # Step 6/10 [review] Add constraint posts_published_has_date to table posts
    #   review add_check_constraint: Adding CHECK constraint posts_published_has_date to
    #   public.posts reads every row to verify it while holding an ACCESS EXCLUSIVE lock (no reads
    #   or writes meanwhile), and fails if a row violates it.
    #     hint: Add it NOT VALID (no scan; new rows are checked at once), then VALIDATE CONSTRAINT
    #     in a later step, which scans under SHARE UPDATE EXCLUSIVE while reads and writes go on.
    #     Allow with --allow add_check_constraint.
    #   lock: ACCESS EXCLUSIVE
    lp.execute(
        "ALTER TABLE public.posts ADD CONSTRAINT posts_published_has_date CHECK (((status <> "
        "'published'::public.post_status) OR (published_at IS NOT NULL)))"
    )

    # Step 7/10 [review] Create index posts_status_published_at_idx
    #   review create_index_non_concurrent: Creating index public.posts_status_published_at_idx
    #   reads the whole of public.posts while holding a SHARE lock: reads go on, but every INSERT,
    #   UPDATE and DELETE waits until the build finishes.
    #     hint: Use CREATE INDEX CONCURRENTLY, outside a transaction (in Alembic, inside
    #     op.get_context().autocommit_block()); if it fails, drop the INVALID index it leaves and
    #     retry. Allow with --allow create_index_non_concurrent.
    #   lock: SHARE
    lp.execute(
        "CREATE INDEX posts_status_published_at_idx ON public.posts USING btree (status, "
        "published_at)"
    )

    # Step 8/10 [safe] Add constraint post_tags_post_id_fkey to table post_tags
    #   lock: SHARE ROW EXCLUSIVE
    lp.execute(
        "ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) "
        "REFERENCES public.posts(id) ON DELETE CASCADE"
    )

    # Step 9/10 [safe] Add constraint post_tags_tag_id_fkey to table post_tags
    lp.execute(
        "ALTER TABLE public.post_tags ADD CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) "
        "REFERENCES public.tags(id) ON DELETE CASCADE"
    )

    # Step 10/10 [safe] Set comment on table posts
    #   lock: SHARE UPDATE EXCLUSIVE
    lp.execute("COMMENT ON TABLE public.posts IS 'Blog posts; published ones carry published_at'")


def downgrade() -> None:
    """Downgrade schema."""
    lp.guard(target_hash, schemas=schemas, planned_at=revision)

    # Undo step 10/10 [safe] Rollback: Set comment on table posts
    lp.execute("COMMENT ON TABLE public.posts IS NULL")

    # Undo step 9/10 [safe] Rollback: Add constraint post_tags_tag_id_fkey to table post_tags
    lp.execute("ALTER TABLE public.post_tags DROP CONSTRAINT post_tags_tag_id_fkey")

    # Undo step 8/10 [safe] Rollback: Add constraint post_tags_post_id_fkey to table post_tags
    lp.execute("ALTER TABLE public.post_tags DROP CONSTRAINT post_tags_post_id_fkey")

    # Undo step 7/10 [safe] Rollback: Create index posts_status_published_at_idx
    lp.execute("DROP INDEX public.posts_status_published_at_idx")

    # Undo step 6/10 [safe] Rollback: Add constraint posts_published_has_date to table posts
    lp.execute("ALTER TABLE public.posts DROP CONSTRAINT posts_published_has_date")

    # Undo step 5/10 [safe] Rollback: Add column published_at to table posts
    lp.execute("ALTER TABLE public.posts DROP COLUMN published_at")

    # Undo step 4/10 [safe] Rollback: Add column status to table posts
    lp.execute("ALTER TABLE public.posts DROP COLUMN status")

    # Undo step 3/10 [safe] Rollback: Create table post_tags
    lp.execute("DROP TABLE public.post_tags")

    # Undo step 2/10 [safe] Rollback: Create table tags
    lp.execute("DROP TABLE public.tags")

    # Undo step 1/10 [safe] Rollback: Create type post_status
    lp.execute("DROP TYPE public.post_status")
