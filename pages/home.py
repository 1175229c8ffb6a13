"""Landing page: what the app teaches and one card per page."""

import streamlit as st

from core.activations import ACTIVATIONS
from ui import shell
from ui.i18n import t
from ui.nav import available

shell.ensure()

st.title(t("home.title"))
st.markdown(t("home.intro"))

st.subheader(t("home.pages"))
specs = available()
for row_start in range(0, len(specs), 2):
    cols = st.columns(2)
    for col, spec in zip(cols, specs[row_start:row_start + 2]):
        with col.container(border=True):
            st.markdown(f"### {t(f'nav.{spec.id}')}")
            st.markdown(t(f"nav.{spec.id}.blurb", n=len(ACTIVATIONS)))
            st.page_link(spec.file, label=t("home.open"), icon=spec.icon)

st.subheader(t("home.how"))
st.markdown(t("home.how_body"))
