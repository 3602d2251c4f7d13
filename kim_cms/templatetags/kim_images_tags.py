"""``{% kim_picture image "fill-960x400" sizes="..." alt="..." class="..." priority=True %}``:
one image as a responsive ``<picture>``: WebP at three widths with ``sizes``
(by default the width of the page's column: the viewport less its margins
on a phone),
the original format as the fallback, explicit width and height (no layout
shift), ``loading="lazy"`` unless ``priority`` (the first, largest image of
the page, its LCP: ``fetchpriority="high"`` instead). Its renditions are
fetched in one query, none when prefetched (``kim_cms.pictures``)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kim_cms.pictures import picture_specs

register = template.Library()

DEFAULT_SIZES = "(min-width: 60rem) 58rem, calc(100vw - 2rem)"


@register.simple_tag
def kim_picture(image, spec, sizes=DEFAULT_SIZES, alt="", priority=False, **attrs):
    """The ``<picture>`` of ``image`` (``""`` for none); ``class`` is passed
    on to the ``<img>``."""
    if image is None:
        return ""
    webp_specs, fallback_spec = picture_specs(spec)
    renditions = image.get_renditions(*webp_specs, fallback_spec)
    srcset = ", ".join(
        f"{renditions[s].url} {renditions[s].width}w" for s in webp_specs
    )
    fallback = renditions[fallback_spec]
    loading = mark_safe(
        ' fetchpriority="high"' if priority else ' loading="lazy" decoding="async"'
    )
    css_class = attrs.get("class", "")
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img{} src="{}" width="{}" height="{}" alt="{}"{}></picture>',
        srcset,
        sizes,
        format_html(' class="{}"', css_class) if css_class else "",
        fallback.url,
        fallback.width,
        fallback.height,
        alt,
        loading,
    )
