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


# The two codes must not be confused on a projector: a view's code in a blue frame, the class's
# in an orange one, each with its title above and what it does under it.
FRAMES = {"view": "#1d4ed8", "class": "#c2410c"}


def show_qr(url: str, width: int = 360, with_url: bool = True, kind: str = "view",
            title: str = "", what: str = "") -> None:
    """The QR code of url, width px wide, in the frame of its kind ("view" or "class") with
    its title and what it does, and the address in large text under it. (st.html keeps only
    HTML, no inline SVG: the SVG goes in as an image's data URI.)"""
    import segno

    uri = segno.make(url, error="m").svg_data_uri(scale=QR_SCALE, dark="#000000",
                                                  light="#ffffff", border=4)
    colour = FRAMES.get(kind, FRAMES["view"])
    head = (f'<div class="al-qr-title" style="font-size:1.4rem;font-weight:700;color:#fff;'
            f'background:{colour};padding:0.3rem 0.6rem;text-align:center">'
            f'{html.escape(title)}</div>') if title else ""
    under = (f'<div class="al-qr-what" style="font-size:1rem;padding:0.4rem 0.6rem;'
             f'text-align:center;background:#fff;color:#111">{html.escape(what)}</div>'
             ) if what else ""
    st.html(f'<div class="al-qr al-qr-{html.escape(kind)}" data-kind="{html.escape(kind)}" '
            f'style="max-width:{width}px;margin:0 auto;border:8px solid {colour};'
            f'border-radius:10px;overflow:hidden;background:#fff">{head}'
            f'<img src="{html.escape(uri)}" alt="QR: {html.escape(url)}" '
            'style="width:100%;height:auto;display:block;image-rendering:pixelated">'
            f'{under}</div>')
    if not with_url:
        return
    st.html(f'<p class="al-url" style="font-size:1.6rem;font-weight:600;word-break:break-all;'
            f'text-align:center;margin:0.4rem 0">{html.escape(url)}</p>')


def _share_body(url: str) -> None:
    show_qr(url, 460, kind="view", title=t("class.share_title"), what=t("class.share_what"))
    st.caption(t("class.share_help"))


def class_qr(link: str, code: str) -> None:
    """The class's code: joining the class (orange frame), with the code in large type."""
    show_qr(link, 340, with_url=False, kind="class", title=t("class.class_qr_title"),
            what=t("class.class_qr_what"))
    st.html('<p style="font-size:3rem;font-weight:700;letter-spacing:0.25em;'
            f'text-align:center;font-family:monospace;margin:0">{html.escape(code)}</p>')


def share_dialog(url: str) -> None:
    """The dialog (made per run: its title is in the viewer's language)."""
    st.dialog(t("class.share_title"), width="large")(_share_body)(url)
