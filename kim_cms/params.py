"""What a visitor sends in a query string, parsed in one place.

Every kim_cms view, index page, route and the API read page numbers, ids,
months, slugs and search text through these functions, the way Django's
forms clean input before a view sees it. Each returns a value the database
accepts, or ``None`` (or raises ``Http404`` for a page number) when the text
is malformed: a mistyped or hostile link never becomes a server error.

- ids: ASCII digits only (``"²"`` and ``"١"`` are digits to Python, not to a
  database), within the range of the model's primary key column;
- page numbers: ASCII digits, from 1;
- months: ``YYYY-MM``;
- slugs: letters, digits, ``-`` and ``_``;
- search text: the words only (see ``clean_search_query``).
"""

import re

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from kim_cms.queries import PageRows, count_pages

# The integer columns of Django's model fields, as every supported database
# stores them (Django's BaseDatabaseOperations.integer_field_ranges).
INTEGER_RANGES = {
    "SmallIntegerField": (-32768, 32767),
    "IntegerField": (-2147483648, 2147483647),
    "BigIntegerField": (-9223372036854775808, 9223372036854775807),
    "PositiveBigIntegerField": (0, 9223372036854775807),
    "PositiveSmallIntegerField": (0, 32767),
    "PositiveIntegerField": (0, 2147483647),
    "SmallAutoField": (-32768, 32767),
    "AutoField": (-2147483648, 2147483647),
    "BigAutoField": (-9223372036854775808, 9223372036854775807),
}
MAX_ID = INTEGER_RANGES["IntegerField"][1]

_ASCII_DIGITS = re.compile(r"[0-9]{1,100}")
_SIGNED_DIGITS = re.compile(r"[-+]?[0-9]{1,100}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_SLUG = re.compile(r"[-\w]{1,255}")
_WORD = re.compile(r"\w+")

SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 10


def integer_range(field):
    """``(lowest, highest)`` that the database column of ``field`` holds."""
    if field.is_relation:
        field = field.target_field
    return INTEGER_RANGES.get(field.get_internal_type(), INTEGER_RANGES["IntegerField"])


def parse_whole_number(value, *, maximum=MAX_ID):
    """``value`` as an int from 0 to ``maximum``, or ``None``: ASCII digits
    only, surrounding spaces allowed, no sign."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= maximum else None


def parse_integer(value, field):
    """``value`` as an int that the column of the model field ``field``
    holds (a sign and ASCII digits), or ``None``."""
    text = value.strip() if isinstance(value, str) else ""
    if not _SIGNED_DIGITS.fullmatch(text):
        return None
    number = int(text)
    lowest, highest = integer_range(field)
    return number if lowest <= number <= highest else None


def parse_id(value, model=None):
    """A primary key of ``model`` (any integer key column when ``None``) from
    ``value``, or ``None``: positive, ASCII digits, within the column's
    range."""
    maximum = integer_range(model._meta.pk)[1] if model is not None else MAX_ID
    number = parse_whole_number(value, maximum=maximum)
    return number if number else None


def parse_page_number(value):
    """The page of a listing a visitor asks for: 1 when ``value`` is absent
    or empty; ``Http404`` when it is not a positive whole number."""
    if value is None or not value.strip():
        return 1
    number = parse_whole_number(value)
    if not number:
        raise Http404("No such page")
    return number


def parse_month(value):
    """``(year, month)`` from ``"2026-12"``, or ``None``: four and two ASCII
    digits, a year from 2 to 9998 (so that the months before and after it
    exist too)."""
    match = _MONTH.fullmatch((value or "").strip()) if isinstance(value, str) else None
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 < year < 9999 and 1 <= month <= 12):
        return None
    return year, month


def parse_slug(value, *, max_length=255):
    """``value`` when it can be a slug (letters, digits, ``-``, ``_``, at most
    ``max_length`` characters), else ``None``."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if len(text) > max_length or not _SLUG.fullmatch(text):
        return None
    return text


def parse_choice(value, choices):
    """``value`` when it is one of the keys of ``choices``, else ``None``."""
    keys = {str(key) for key, _label in choices}
    return value if isinstance(value, str) and value in keys else None


def clean_search_query(value):
    """The words of a search query joined by spaces, at most
    ``SEARCH_MAX_WORDS`` of them and ``SEARCH_MAX_LENGTH`` characters; empty
    when there are none.

    Full-text engines read quotes, brackets, ``*``, ``:`` and ``-`` as
    operators, and PostgreSQL refuses NUL: none of them survive, so no
    search box can raise a syntax error in the database."""
    if not isinstance(value, str):
        return ""
    words = _WORD.findall(value[: SEARCH_MAX_LENGTH * 4])[:SEARCH_MAX_WORDS]
    text = " ".join(words)
    if len(text) > SEARCH_MAX_LENGTH:
        text = text[:SEARCH_MAX_LENGTH].rsplit(" ", 1)[0]
    return text


def search_words(value):
    """The words of ``clean_search_query(value)``, as a list."""
    return clean_search_query(value).split()


def without_nul(params):
    """``params`` (a ``QueryDict``) without the keys and values that hold a
    NUL character, or ``params`` itself when none does."""
    if not any(
        "\x00" in key or any("\x00" in value for value in params.getlist(key))
        for key in params
    ):
        return params
    cleaned = params.copy()
    for key in list(cleaned):
        values = [value for value in cleaned.getlist(key) if "\x00" not in value]
        if "\x00" in key or not values:
            del cleaned[key]
        else:
            cleaned.setlist(key, values)
    cleaned._mutable = False
    return cleaned


class SearchQueryField(forms.CharField):
    """A search box: its cleaned value is ``clean_search_query()`` of what
    was typed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_search_query(super().to_python(value))


class PagePaginator(Paginator):
    """Django's ``Paginator``, counting a list of pages of one type from that
    type's own table (``kim_cms.queries.count_pages()``)."""

    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return count_pages(self.object_list)
        return super().count

    def page(self, number):
        """Django's ``Paginator.page()``, the rows of a queryset read with
        ``kim_cms.queries.page_rows()`` when first asked for
        (``kim_cms.queries.PageRows``), those of a list that has
        ``lazy_rows(start, stop)`` as that returns them
        (``kim_cms.queries.LazyRows``)."""
        items = self.object_list
        lazy_rows = getattr(items, "lazy_rows", None)
        if not isinstance(items, QuerySet) and lazy_rows is None:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if lazy_rows is not None:
            return self._get_page(lazy_rows(bottom, top), number, self)
        return self._get_page(PageRows(items, bottom, top), number, self)


def paginate(request, items, per_page):
    """The page of ``items`` that ``?page=`` asks for; ``Http404`` when the
    number is malformed or past the last page."""
    paginator = PagePaginator(items, per_page)
    try:
        return paginator.page(parse_page_number(request.GET.get("page")))
    except InvalidPage as error:
        raise Http404(str(error)) from error


def _attributes(attrs):
    """The attributes as ``django/forms/widgets/attrs.html`` writes them."""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(" {}", name)
                if value is True
                else format_html(' {}="{}"', name, str(value)),
            )
            for name, value in attrs.items()
            if value is not False
        ),
    )


class FilterSelect(forms.Select):
    """Django's ``Select`` with the markup of its template, written in Python.

    The filters of a listing hold dozens of options, and Django renders each
    option through a template of its own: the filter forms cost more to render
    than the cards they filter. The HTML is Django's, without its line
    breaks; a ``Select`` subclass with its own templates keeps them."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (
                        str(option["value"]),
                        _attributes(option["attrs"]),
                        option["label"],
                    )
                    for option in options
                ),
            )
            if group_name:
                rendered = format_html(
                    '<optgroup label="{}">{}</optgroup>', group_name, rendered
                )
            groups.append(rendered)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            _attributes(widget["attrs"]),
            mark_safe("".join(groups)),  # noqa: S308 - each part escaped above
        )


class FilterForm(forms.Form):
    """The filters of a listing (read from the query string): its choices
    render as ``FilterSelect``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = FilterSelect(
                    attrs=field.widget.attrs, choices=field.widget.choices
                )
