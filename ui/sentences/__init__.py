"""Sentence and table builders of the pages, importable without running a page."""
