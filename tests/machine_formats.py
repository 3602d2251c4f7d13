"""A guard against numbers rendered for people where machines read them.

In the ``id`` locale Django renders ``-6.2088`` as ``-6,2088``: fine in prose,
broken in JSON-LD, calendar files, coordinates and data attributes.
"""

import json
import re
from html.parser import HTMLParser

LOCALIZED_NUMBER = re.compile(r"\d,\d|\d\.\d{3},\d")
MACHINE_ATTRIBUTES = re.compile(r"^(data-.*|datetime|content|value|min|max|step)$")
GEO_KEYS = {"latitude", "longitude", "lat", "lng", "lon"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attributes = []
        self.json_ld = []
        self._in_json_ld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._in_json_ld = True
            self._buffer = []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self.json_ld.append("".join(self._buffer))
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self._buffer.append(data)


def _walk(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    else:
        yield path, value


def machine_number_problems(html):
    """Return a list of places where a machine-read number is localized."""
    collector = _Collector()
    collector.feed(html)
    problems = []
    for tag, name, value in collector.attributes:
        if tag == "meta" and name == "content":
            continue  # meta content is text for people (descriptions, titles)
        if MACHINE_ATTRIBUTES.match(name) and LOCALIZED_NUMBER.search(value):
            if name == "value" and tag != "data":
                continue  # form values are text an editor or reader typed
            problems.append(f'<{tag} {name}="{value}">')
    for text in collector.json_ld:
        try:
            data = json.loads(text)
        except ValueError as error:
            problems.append(f"JSON-LD does not parse: {error}")
            continue
        for path, value in _walk(data):
            key = path.rsplit(".", 1)[-1]
            if (
                key in GEO_KEYS
                and isinstance(value, str)
                and not re.fullmatch(r"-?\d+(\.\d+)?", value)
            ):
                problems.append(f"JSON-LD {path} = {value!r}")
    return problems
