"""One word per act: what an Indonesian editor reads keeps to the glossary.

The acts table of ``docs/glossary.md`` decides the words. The messages checked
are the ones Django shows an Indonesian user: kim-cms's own, and every message
of the installed Wagtail and wagtail-localize apps as Django resolves it (the
optional app's Indonesian first, upstream's where the app has none), in the
Python and the JavaScript catalogues.
"""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

from kim_cms.contrib.admin_id import catalogues

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
KIM_CMS_PO = ROOT / "kim_cms" / "locale" / "id" / "LC_MESSAGES" / "django.po"


def acts():
    """``[(english, [indonesian words], [words never used])]`` from the table
    after the ``kim-cms:acts`` marker."""
    text = GLOSSARY.read_text(encoding="utf-8").split("<!-- kim-cms:acts -->", 1)[1]
    rows = []
    for line in text.strip().splitlines()[2:]:
        if not line.startswith("|"):
            break
        english, indonesian, never = (
            cell.strip() for cell in line.strip("|").split("|")
        )
        rows.append(
            (
                english,
                [word.strip() for word in indonesian.split(";") if word.strip()],
                [word.strip() for word in never.split(",") if word.strip()],
            )
        )
    return rows


def _resolved(entry):
    """What Django shows an Indonesian user for a message of an English
    catalogue (translation active)."""
    context, msgid = entry.msgctxt, entry.msgid
    if entry.msgid_plural:
        if context:
            return translation.npgettext(context, msgid, entry.msgid_plural, 2)
        return translation.ngettext(msgid, entry.msgid_plural, 2)
    if context:
        return translation.pgettext(context, msgid)
    return translation.gettext(msgid)


def indonesian_messages():
    """``{(catalogue, msgid): Indonesian}`` for every message an Indonesian
    user of the admin or the site may read."""
    found = {}
    with translation.override("id"):
        for entry in polib.pofile(str(KIM_CMS_PO)):
            if entry.msgid:
                found[("kim_cms", entry.msgid)] = _resolved(entry)
        javascript = catalogues.built_translations("djangojs")
        for catalogue in catalogues.upstream_catalogues():
            upstream = catalogue.indonesian()
            for key, entry in catalogue.english().items():
                if not entry.msgid:
                    continue
                if catalogue.domain == "django":
                    text = _resolved(entry)
                else:
                    ours = javascript.get(key) or upstream.get(key)
                    text = (
                        " ".join(catalogues.translations(ours)) if ours else entry.msgid
                    )
                found[(catalogue.name, entry.msgid)] = text
    return found


@pytest.fixture(scope="module")
def messages():
    return indonesian_messages()


def test_the_glossary_decides_the_acts():
    english = [row[0] for row in acts()]
    for act in (
        "draft",
        "save",
        "submit",
        "publish",
        "unpublish",
        "approve",
        "request changes",
        "translate",
        "sync",
    ):
        assert any(row.split(" (")[0].split(";")[0] == act for row in english), act


@pytest.mark.parametrize(
    ("english", "never"),
    [(row[0], row[2]) for row in acts() if row[2]],
)
def test_no_message_uses_a_word_the_glossary_rules_out(messages, english, never):
    offending = {
        f"{where}: {msgid!r}": text
        for (where, msgid), text in messages.items()
        for word in never
        if re.search(re.escape(word), text, re.IGNORECASE)
    }
    assert offending == {}, f"'{english}' is never {never}"


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Save draft", "Simpan draf"),
        ("Publish", "Terbitkan"),
        ("Unpublish", "Batal terbitkan"),
        ("Submit to %(workflow_name)s", "Ajukan ke %(workflow_name)s"),
        ("Approve", "Setujui"),
        ("Request changes", "Minta perbaikan"),
        ("Translate", "Terjemahkan"),
        ("Sync translated pages", "Sinkronkan halaman terjemahan"),
        ("Live", "Terbit"),
        ("Draft", "Draf"),
        ("Edit", "Sunting"),
    ],
)
def test_the_buttons_say_the_glossarys_word(msgid, expected):
    with translation.override("id"):
        assert translation.gettext(msgid) == expected


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("Di mana", "Tempat"),
        ("penyaring", "filter"),
        ("jatuh tempo", "batas tinjau"),
        ("menjamin", "diperiksa"),
        ("Langganan kalender", "Berlangganan kalender"),
    ],
)
def test_kim_cms_wording_found_wrong_stays_fixed(messages, wrong, right):
    ours = [text for (where, _msgid), text in messages.items() if where == "kim_cms"]

    def uses(word):
        pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
        return [text for text in ours if re.search(pattern, text, re.IGNORECASE)]

    assert uses(wrong) == []
    assert uses(right)


def test_events_are_acara_and_officers_have_a_jabatan():
    with translation.override("id"):
        assert "kegiatan" not in translation.gettext(
            "Upcoming sessions: links to event pages, or dates and places."
        )
        assert translation.gettext("role") == "jabatan"
        assert translation.pgettext("what a user may do", "role") == "peran"
        assert translation.gettext("Where") == "Tempat"
        assert translation.gettext("Clear filters") == "Hapus filter"
        assert translation.gettext("due %(date)s") == "batas tinjau %(date)s"


def test_the_event_and_training_images_have_their_own_help_text():
    from kim_cms.pages import CulturalEventPage, TrainingMaterialPage

    wide_photo = "Foto lebar yang tampil di bagian atas"
    with translation.override("id"):
        event = str(CulturalEventPage._meta.get_field("image").help_text)
        training = str(TrainingMaterialPage._meta.get_field("image").help_text)
    assert wide_photo not in event
    assert "acara" in event
    assert wide_photo not in training
    assert "pelatihan" in training


def test_the_admins_relative_times_read_in_indonesian():
    """Wagtail's status panel says when a page went to review with humanize's
    naturaltime: configure() installs humanize so its Indonesian is loaded."""
    import datetime

    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.utils import timezone

    from kim_cms.settings import APPS

    assert "django.contrib.humanize" in APPS
    with translation.override("id"):
        shown = naturaltime(timezone.now() - datetime.timedelta(seconds=70))
    assert "yang lalu" in shown
    assert "ago" not in shown


KIM_CMS_EN_PO = ROOT / "kim_cms" / "locale" / "en" / "LC_MESSAGES" / "django.po"
# English messages that say more than their msgid, on purpose: place names in
# English word order, and the privacy dialog's note on translations.
ENGLISH_REWORDED = {
    "Kecamatan %(name)s",
    "Kelurahan %(name)s",
    "Desa %(name)s",
    "Privacy changes apply to all children of this page too.",
}


def test_the_english_catalogue_says_what_its_messages_say():
    """The English catalogue repeats each message (its msgids are English),
    but for a few reworded on purpose: a translation guessed from another
    message by gettext's fuzzy matching once left the English list of hoax
    clarifications counting "3 tips"."""
    wrong = []
    for entry in polib.pofile(str(KIM_CMS_EN_PO)):
        if entry.msgid in ENGLISH_REWORDED:
            continue
        if entry.msgid_plural:
            expected = {0: entry.msgid, 1: entry.msgid_plural}
            if dict(entry.msgstr_plural) != expected:
                wrong.append(entry.msgid)
        elif entry.msgstr != entry.msgid:
            wrong.append(entry.msgid)
    assert wrong == []


def test_the_english_list_of_clarifications_counts_clarifications():
    with translation.override("en"):
        assert (
            translation.ngettext(
                "%(counter)s clarification", "%(counter)s clarifications", 3
            )
            % {"counter": 3}
            == "3 clarifications"
        )
