"""String catalogues: one module per page (``EN`` and ``KO`` dicts with identical keys)."""
