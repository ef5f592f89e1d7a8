"""create authors and posts

Revision ID: blog_01
Revises:

Planned by alembic-lockplane: 4 step(s), highest level safe.
Desired schema: schema.lp.sql
"""

from collections.abc import Sequence

from alembic_lockplane.integration import ops as lp

# revision identifiers, used by Alembic.
revision: str = 'blog_01'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# alembic-lockplane: hashes of the managed schema before and after this revision.
source_hash = 'e3cf2f3a84a1ac8687e0faa4621d80a80b5c6f7bcce814fcb103c2f17254bc28'
target_hash = '822ef57b4bb8f4a6bfe546696f761c93d66415ad902cbb16d8da032edbe810ab'
schemas: tuple[str, ...] | None = ('public',)


def upgrade() -> None:
    """Upgrade schema (safety: safe)."""
    lp.guard(source_hash, schemas=schemas, planned_at=down_revision)

    # Step 1/4 [safe] Create table authors
    lp.execute(
        "CREATE TABLE public.authors (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1 "
        "INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) NOT NULL, email "
        "text NOT NULL, name text NOT NULL, bio text, CONSTRAINT authors_email_key UNIQUE "
        "(email), CONSTRAINT authors_pkey PRIMARY KEY (id))"
    )

    # Step 2/4 [safe] Create table posts
    lp.execute(
        "CREATE TABLE public.posts (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1 "
        "INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) NOT NULL, "
        "author_id bigint NOT NULL, title text NOT NULL, body text DEFAULT ''::text NOT NULL, "
        "created_at timestamp with time zone DEFAULT now() NOT NULL, CONSTRAINT posts_pkey "
        "PRIMARY KEY (id))"
    )

    # Step 3/4 [safe] Create index posts_author_id_idx
    lp.execute("CREATE INDEX posts_author_id_idx ON public.posts USING btree (author_id)")

    # Step 4/4 [safe] Add constraint posts_author_id_fkey to table posts
    lp.execute(
        "ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) "
        "REFERENCES public.authors(id) ON DELETE CASCADE"
    )


def downgrade() -> None:
    """Downgrade schema."""
    lp.guard(target_hash, schemas=schemas, planned_at=revision)

    # Undo step 4/4 [safe] Rollback: Add constraint posts_author_id_fkey to table posts
    lp.execute("ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey")

    # Undo step 3/4 [safe] Rollback: Create index posts_author_id_idx
    lp.execute("DROP INDEX public.posts_author_id_idx")

    # Undo step 2/4 [safe] Rollback: Create table posts
    lp.execute("DROP TABLE public.posts")

    # Undo step 1/4 [safe] Rollback: Create table authors
    lp.execute("DROP TABLE public.authors")
