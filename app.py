"""Activation Lab — run with ``streamlit run app.py``. The router lives in ui/shell.py."""

from ui.shell import main

main()
