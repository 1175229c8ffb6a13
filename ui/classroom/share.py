"""*Share with the class*: a dialog with a large QR code (made here by ``segno``, no web
service) and the address of the current view in large type, for the projector."""

from __future__ import annotations

import html

import streamlit as st

from ui.i18n import t

QR_SCALE = 10


def qr_svg(url: str, scale: int = QR_SCALE) -> str:
    """An SVG QR code of url (dark on white with its quiet zone, readable from a projector
    in both themes)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=scale, dark="#000000", light="#ffffff",
                                                 border=4)


def show_qr(url: str, width: int = 360, with_url: bool = True) -> None:
    """The QR code of url, width px wide, and the address in large text under it. (st.html
    keeps only HTML, no inline SVG: the SVG goes in as an image's data URI.)"""
    import segno

    uri = segno.make(url, error="m").svg_data_uri(scale=QR_SCALE, dark="#000000",
                                                  light="#ffffff", border=4)
    st.html(f'<div class="al-qr" style="max-width:{width}px;margin:0 auto">'
            f'<img src="{html.escape(uri)}" alt="QR: {html.escape(url)}" '
            'style="width:100%;height:auto;display:block;image-rendering:pixelated"></div>')
    if not with_url:
        return
    st.html(f'<p class="al-url" style="font-size:1.6rem;font-weight:600;word-break:break-all;'
            f'text-align:center;margin:0.4rem 0">{html.escape(url)}</p>')


def _share_body(url: str) -> None:
    show_qr(url, 460)
    st.caption(t("class.share_help"))


def share_dialog(url: str) -> None:
    """The dialog (made per run: its title is in the viewer's language)."""
    st.dialog(t("class.share_title"), width="large")(_share_body)(url)
