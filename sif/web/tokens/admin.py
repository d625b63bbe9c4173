"""API tokens are managed by their users in the app; the admin shows none (no secret is stored)."""
