"""Importable run functions of the pages: what a page trains or simulates for a set-up, and its cached result."""
