"""Connections: URL handling, password redaction, error mapping."""
