"""One module per page, each defining SCENARIO (see docs/PAGE_GUIDE.md)."""
