"""The resident's self-service screens."""
