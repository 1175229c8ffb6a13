"""Sentence and table builders of the pages: core results in, translated text and tables out."""
