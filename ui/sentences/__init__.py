"""Sentence and table builders of the pages: plain functions of core results (no Streamlit)."""
