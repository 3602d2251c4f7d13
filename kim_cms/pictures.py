"""Responsive pictures: the renditions of one image at three widths in WebP
(for ``srcset``: half, three quarters and the full width, so that a phone of
360 to 430 CSS pixels at a device pixel ratio near 2 finds one just wide
enough) and a fallback in the image's own format (JPEG, PNG), as
``{% kim_picture %}`` (``kim_images_tags``) shows them. Views that prefetch
renditions ask ``picture_specs()`` for the filter specs."""

import re

_FILL = re.compile(r"^fill-(\d+)x(\d+)$")
_WIDTH = re.compile(r"^width-(\d+)$")


def picture_specs(spec):
    """``(webp_specs, fallback_spec)`` for a base ``spec`` (``fill-WxH`` or
    ``width-W``): WebP at half, three quarters and full width, smallest
    first, and the full size in the original format."""
    fill = _FILL.match(spec)
    if fill:
        width, height = int(fill[1]), int(fill[2])
        widths = _widths(width)
        webp = [f"fill-{w}x{round(height * w / width)}|format-webp" for w in widths]
        return webp, spec
    plain = _WIDTH.match(spec)
    if plain:
        width = int(plain[1])
        return [f"width-{w}|format-webp" for w in _widths(width)], spec
    raise ValueError(f"kim_picture takes fill-WxH or width-W, not {spec!r}")


def _widths(width):
    return [width // 2, width * 3 // 4, width]


def all_picture_specs(*specs):
    """Every filter spec the pictures of ``specs`` use (for prefetching)."""
    found = []
    for spec in specs:
        webp, fallback = picture_specs(spec)
        found.extend([*webp, fallback])
    return found
