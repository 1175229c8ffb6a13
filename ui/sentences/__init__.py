"""Sentence and table builders of the pages: core's numbers in, text in the current language out."""
