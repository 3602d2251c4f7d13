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


def absolute_url(url, page, request=None):
    """``url`` as an absolute address: on the page's site when it is a path
    (renditions and static files may already live on another host). Link
    previews and JSON-LD need it so."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return ("https:" if request is None or request.is_secure() else "http:") + url
    parts = page.get_url_parts(request) if page is not None else None
    root = parts[1] if parts else ""
    if root:
        return root + url
    return request.build_absolute_uri(url) if request is not None else url


def whatsapp_url(text):
    """The ``wa.me`` link that opens WhatsApp with ``text`` ready to send."""
    return WHATSAPP_SHARE_URL + quote(text, safe="")


__all__ = [
    "SHARE_LINE_LENGTH",
    "WHATSAPP_SHARE_URL",
    "absolute_url",
    "share_text",
    "whatsapp_url",
]
