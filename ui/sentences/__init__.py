"""Sentence and table builders of each page: text from core results, importable without running
the page (pages stay thin)."""
