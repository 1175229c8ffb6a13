"""Landing page: what the app teaches and one card per page."""

import streamlit as st

from core.activations import ACTIVATIONS
from ui import shell, widgets
from ui.i18n import t
from ui.nav import available

shell.ensure()
widgets.notice_no_lesson()

st.title(t("home.title"))
st.markdown(t("home.intro"))

# the cards are the home page's picture: three to a row, so all pages fit on the first screen
# of a projector; each card's title is its link (a big touch target on a phone)
specs = available()
PER_ROW = 3
for row_start in range(0, len(specs), PER_ROW):
    cols = st.columns(PER_ROW)
    for col, spec in zip(cols, specs[row_start:row_start + PER_ROW]):
        with col.container(border=True, height="stretch"):
            st.page_link(spec.file, label=f"**{t(f'nav.{spec.id}')}**", icon=spec.icon,
                         help=t("home.open"))
            st.markdown(t(f"nav.{spec.id}.blurb", n=len(ACTIVATIONS)))

st.subheader(t("home.how"))
st.markdown(t("home.how_body"))
