"""Declarative, safety-checked PostgreSQL schema planning inside Alembic."""

__version__ = "0.1.0"
