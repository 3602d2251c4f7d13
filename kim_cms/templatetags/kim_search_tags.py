"""Template tags of the portal search."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def kim_highlight(text, query):
    """``text`` escaped, with the words of ``query`` (a cleaned search query)
    marked where a word of the text starts with them: ``<mark>padi</mark>``."""
    text = escape(str(text or ""))
    words = [re.escape(escape(word)) for word in str(query or "").split() if word]
    if not words:
        return mark_safe(text)  # escaped above
    pattern = re.compile(r"(?<!\w)(" + "|".join(words) + r")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", text))  # escaped above
