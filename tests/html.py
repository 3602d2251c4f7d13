"""Compare rendered HTML as a browser reads it, not as the template is laid out."""

import re


def squash(html):
    """``html`` without the whitespace that template layout puts around tags
    (line breaks and indentation the browser collapses), so that a test can
    look for ``<dd>Literasi digital</dd>`` however the template is formatted."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<[^>]*>)\s*", lambda m: re.sub(r"\s+", " ", m.group(1)), html)
