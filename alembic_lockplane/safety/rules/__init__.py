"""One module per safety rule; each defines ``RULE``. The registry lists them in ``safety``."""
