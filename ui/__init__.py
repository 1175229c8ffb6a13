"""Streamlit-side helpers shared by every page: i18n, URL-bound widgets, chart styling, figures."""
