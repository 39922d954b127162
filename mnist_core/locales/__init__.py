"""One catalog module per language, each with a MESSAGES dict holding the same keys as en.py."""
