"""Sharing pages where citizens read them: a short text for WhatsApp and a
``https://wa.me/?text=...`` link, without third-party scripts or widgets.

A page type offers its share text through ``get_share_lines()`` (the lines
between the title and the address, e.g. the verdict of a clarification);
``share_text()`` puts the title, those lines and the page's address together.
"""

from urllib.parse import quote

from django.utils.text import Truncator

WHATSAPP_SHARE_URL = "https://wa.me/?text="

# WhatsApp cuts nothing, but a forwarded message should fit on one screen.
SHARE_LINE_LENGTH = 240


def share_text(title, lines, url):
    """The text of a share: the title in bold (WhatsApp's ``*...*``), each
    non-empty line shortened to one screen, then the address."""
    parts = [f"*{title.strip()}*"] if title and title.strip() else []
    for line in lines:
        line = " ".join(str(line or "").split())
        if line:
            parts.append(Truncator(line).chars(SHARE_LINE_LENGTH))
    if url:
        parts.append(url)
    return "\n".join(parts)


def whatsapp_url(text):
    """The ``wa.me`` link that opens WhatsApp with ``text`` ready to send."""
    return WHATSAPP_SHARE_URL + quote(text, safe="")


__all__ = ["SHARE_LINE_LENGTH", "WHATSAPP_SHARE_URL", "share_text", "whatsapp_url"]
