"""CAP 1.2 in: alerts (BMKG's nowcasts, our own CAP output) become draft
warnings, matched to the district's kecamatan and hazards; never published,
imported once, updated and cancelled by later messages; malformed documents
write nothing. The samples in ``tests/cap_samples/`` are recorded files: no
test touches the network."""

import datetime
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from kim_cms.outputs import cap_read
from kim_cms.pages import WarningPage
from kim_cms.pages.warnings import ImportedCapMessage, import_cap
from kim_cms.pages.warnings.cap_import import level_for
from kim_cms.wagtail_admin.roles import MODERATORS_NAME, TRANSLATORS_NAME
from tests.factories import DesaFactory, KecamatanFactory
from tests.factories_warnings import HazardFactory, make_warning, make_warning_index
from tests.test_moderation import editors_of, make_user, refused

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "cap_samples"
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English here; one test reads them in Indonesian."""
    with translation.override("en"):
        yield


def sample(name):
    return (SAMPLES / name).read_bytes()


def run(name, index, **kwargs):
    path = SAMPLES / name
    return import_cap(path.read_bytes(), index, location=str(path), **kwargs)


@pytest.fixture
def regions():
    kahayan = KecamatanFactory(name="Kahayan Hilir", code="62.11.01")
    maliku = KecamatanFactory(name="Maliku", code="62.11.04")
    pandih = KecamatanFactory(name="Pandih Batu", code="62.11.03")
    jabiren = KecamatanFactory(name="Jabiren Raya", code="62.11.06")
    garung = DesaFactory(name="Garung", kecamatan=jabiren, code="62.11.06.2001")
    return {
        "kahayan": kahayan,
        "maliku": maliku,
        "pandih": pandih,
        "jabiren": jabiren,
        "garung": garung,
    }


@pytest.fixture
def hazards(locales):
    weather = HazardFactory(
        name="Cuaca ekstrem", slug="cuaca-ekstrem", cap_category="Met"
    )
    english = weather.copy_for_translation(locales["en"])
    english.name = "Extreme weather"
    english.save()
    fire = HazardFactory()
    fire_en = fire.copy_for_translation(locales["en"])
    fire_en.name = "Forest and land fires"
    fire_en.save()
    return {"weather": weather, "weather_en": english, "fire": fire}


@pytest.fixture
def index(portal, regions, hazards):
    return make_warning_index(portal)


@pytest.fixture
def english_index(index, english_portal, locales):
    translated = index.copy_for_translation(locales["en"])
    translated.title = "Disaster warnings"
    translated.save_revision().publish()
    return translated


def only_warning(locale="id"):
    (page,) = WarningPage.objects.filter(locale__language_code=locale)
    return page


def draft_of(page):
    return WarningPage.objects.get(pk=page.pk).get_latest_revision_as_object()


# -- a BMKG nowcast ---------------------------------------------------------------


def test_nowcast_becomes_a_draft_in_both_languages(index, english_index, regions):
    report = run("bmkg-nowcast.xml", index)
    (document,) = report.documents
    assert report.ok and document.outcome == "created", document.errors
    page = only_warning("id")
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == index.pk
    assert page.title == "Hujan lebat disertai petir di Kahayan Hilir dan Maliku"
    assert page.hazard.name == "Cuaca ekstrem"  # by the CAP category Met
    assert page.level == "waspada"  # severity Moderate
    assert {k.name for k in page.kecamatan.all()} == {
        "Kahayan Hilir",
        "Maliku",
        "Pandih Batu",
    }
    assert page.valid_from == datetime.datetime(2030, 9, 1, 13, tzinfo=WIB)
    assert page.valid_until == datetime.datetime(2030, 9, 1, 16, tzinfo=WIB)
    assert page.time_zone == "Asia/Jakarta"
    assert page.issuing_agency == "BMKG Stasiun Meteorologi Tjilik Riwut"
    assert page.get_instruction_steps() == [
        "Hindari berteduh di bawah pohon.",
        "Waspadai genangan air.",
    ]
    assert page.polygon.startswith("-2.8,113.9 ")
    assert page.source_url.startswith("https://nowcasting.bmkg.go.id/")
    assert page.cap_identifier == "CKT20300901130000"
    english = only_warning("en")
    assert not english.live
    assert english.translation_key == page.translation_key
    assert english.title == "Heavy rain with thunderstorms in Kahayan Hilir and Maliku"
    assert english.hazard.name == "Extreme weather"
    assert english.description.startswith("Moderate to heavy rain")
    # what was matched and left out is reported
    notes = " ".join(document.notes)
    assert "Katingan Hilir" in notes and "Kab. Katingan" in notes


def test_imported_drafts_stay_off_the_site(index, client, regions, monkeypatch):
    from kim_cms.pages import warnings as warnings_module

    moment = datetime.datetime(2030, 9, 1, 14, tzinfo=WIB)
    monkeypatch.setattr(warnings_module.levels, "now", lambda: moment)
    run("bmkg-nowcast.xml", index)
    html = client.get(index.url).content.decode()
    assert "Hujan lebat disertai petir" not in html
    assert b"CKT2030" not in client.get(index.url + "feed/rss/").content


def test_importing_again_writes_nothing(index, english_index):
    run("bmkg-nowcast.xml", index)
    page = only_warning()
    revisions = page.revisions.count()
    report = run("bmkg-nowcast.xml", index)
    assert report.documents[0].outcome == "unchanged"
    assert WarningPage.objects.count() == 2  # Indonesian and English
    assert page.revisions.count() == revisions
    assert ImportedCapMessage.objects.count() == 1


def test_update_changes_the_draft_of_the_warning_it_refers_to(
    index, english_index, regions
):
    run("bmkg-nowcast.xml", index)
    page = only_warning()
    report = run("bmkg-nowcast-update.xml", index)
    assert report.documents[0].outcome == "updated", report.documents[0].errors
    assert WarningPage.objects.count() == 2
    draft = draft_of(page)
    assert draft.level == "siaga"  # severity Severe
    assert draft.title == "Hujan lebat meluas hingga Jabiren Raya"
    assert draft.valid_until == datetime.datetime(2030, 9, 1, 19, tzinfo=WIB)
    assert regions["jabiren"] in list(draft.kecamatan.all())
    assert draft_of(only_warning("en")).title == "Heavy rain spreads to Jabiren Raya"
    assert not WarningPage.objects.filter(live=True).exists()


def test_cancel_ticks_cancelled_in_a_draft_and_leaves_the_live_one(index):
    run("bmkg-nowcast.xml", index)
    page = only_warning()
    page.get_latest_revision().publish()  # a moderator published it
    report = run("bmkg-nowcast-cancel.xml", index)
    assert report.documents[0].outcome == "cancelled", report.documents[0].errors
    live = WarningPage.objects.get(pk=page.pk)
    assert live.live and not live.cancelled  # the public still sees the warning
    assert live.has_unpublished_changes
    assert draft_of(live).cancelled  # until a moderator publishes the cancellation


def test_cancel_of_an_unknown_warning_is_an_error(index):
    report = run("bmkg-nowcast-cancel.xml", index)
    (document,) = report.documents
    assert document.outcome == "failed"
    assert "refers to no warning" in document.errors[0]
    assert not ImportedCapMessage.objects.exists()


# -- matching -----------------------------------------------------------------------


def test_area_by_kemendagri_geocode(index, regions):
    data = (
        sample("bmkg-nowcast.xml")
        .replace(
            b"Kahayan Hilir, Maliku, Kec. Pandih Batu, Katingan Hilir (Kab. Katingan)",
            b"Lahan gambut",
        )
        .replace(
            b"-3.3,113.9 -2.8,113.9</polygon>",
            b"-3.3,113.9 -2.8,113.9</polygon><geocode><valueName>KEMENDAGRI"
            b"</valueName><value>62.11.06.2001</value></geocode>",
        )
    )
    report = import_cap(data, index)
    assert report.ok, report.documents[0].errors
    page = only_warning()
    assert list(page.kecamatan.all()) == [regions["jabiren"]]
    assert list(page.desa.all()) == [regions["garung"]]


def test_hazard_by_name_in_english(index, hazards):
    data = (
        sample("bmkg-nowcast.xml")
        .replace(b"<category>Met</category>", b"<category>Fire</category>")
        .replace(b"Hujan Lebat dan Petir", b"Karhutla")
        .replace(b"Heavy Rain and Thunderstorm", b"Forest and land fires")
    )
    assert import_cap(data, index).ok
    assert only_warning().hazard == hazards["fire"]


def test_unknown_hazard_is_a_clear_error_and_writes_nothing(index):
    data = sample("bmkg-nowcast.xml").replace(
        b"<category>Met</category>", b"<category>Geo</category>"
    )
    (document,) = import_cap(data, index).documents
    assert document.outcome == "failed"
    assert (
        "No hazard is named Heavy Rain and Thunderstorm / Hujan Lebat dan Petir"
        in (document.errors[0])
    )
    assert not WarningPage.objects.exists()


@pytest.mark.parametrize(
    "severity, urgency, certainty, level",
    [
        ("Extreme", "Immediate", "Observed", "awas"),
        ("Severe", "Expected", "Likely", "siaga"),
        ("Moderate", "Immediate", "Observed", "waspada"),
        ("Minor", "Future", "Unlikely", "normal"),
        ("Unknown", "Immediate", "Observed", "awas"),
        ("Unknown", "Future", "Possible", "waspada"),
        ("Unknown", "Unknown", "Unknown", "waspada"),
    ],
)
def test_severity_urgency_certainty_map_to_the_nearest_level(
    severity, urgency, certainty, level
):
    assert level_for(severity, urgency, certainty) == level


# -- bad documents ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, message",
    [
        ("truncated.xml", "not well-formed XML"),
        ("wrong-namespace.xml", "Only CAP 1.2 is read"),
        ("missing-identifier.xml", "does not follow the CAP 1.2 schema"),
        ("bad-severity.xml", "does not follow the CAP 1.2 schema"),
        ("doctype.xml", "DOCTYPE"),
        ("unknown-area.xml", "Kota Antah Berantah"),
    ],
)
def test_malformed_cap_is_a_clear_error_and_writes_nothing(index, name, message):
    revisions = index.revisions.count()
    (document,) = run(name, index).documents
    assert document.outcome == "failed"
    assert message in " ".join(document.errors)
    assert not WarningPage.objects.exists()
    assert not ImportedCapMessage.objects.exists()
    assert index.revisions.count() == revisions


def test_schema_errors_name_the_line_and_element(index):
    (document,) = run("bad-severity.xml", index).documents
    assert any("line 14" in e and "Parah" in e for e in document.errors)


def test_errors_speak_indonesian(index):
    with translation.override("id"):
        (document,) = run("truncated.xml", index).documents
        (unknown,) = run("unknown-area.xml", index).documents
    assert document.errors[0].startswith("Dokumen ini bukan XML")
    assert "merupakan kecamatan atau desa" in unknown.errors[0]


def test_a_mistake_in_one_language_writes_no_other(index, english_index):
    data = sample("bmkg-nowcast.xml").replace(
        b"<expires>2030-09-01T16:00:00+07:00</expires>",
        b"<expires>2030-09-01T12:00:00+07:00</expires>",
    )
    (document,) = import_cap(data, index).documents
    assert document.outcome == "failed"
    assert any("valid_until" in error for error in document.errors)
    assert not WarningPage.objects.exists()


def test_dry_run_writes_nothing(index):
    report = run("bmkg-nowcast.xml", index, dry_run=True)
    assert report.documents[0].outcome == "created"
    assert not WarningPage.objects.exists()
    assert not ImportedCapMessage.objects.exists()


# -- lists of alerts -------------------------------------------------------------------


def test_rss_list_of_local_files(index):
    report = run("feed.rss", index)
    outcomes = {Path(d.location).name: d.outcome for d in report.documents}
    assert outcomes == {"bmkg-nowcast.xml": "created", "other-district.xml": "skipped"}
    assert report.ok
    assert WarningPage.objects.count() == 1


def test_a_local_list_reads_no_network_and_no_file_outside_its_folder(index):
    def refuse(url):
        raise AssertionError("no network")  # pragma: no cover

    report = run("escape.rss", index, fetcher=refuse)
    assert [d.outcome for d in report.documents] == ["failed", "failed"]
    assert "outside" in report.documents[0].errors[0]
    assert "only point to files next to it" in report.documents[1].errors[0]


def test_atom_list_fetched_from_an_address(index):
    fetched = []

    def fetcher(url):
        fetched.append(url)
        return sample("bmkg-nowcast.xml")

    report = import_cap(
        sample("feed.atom"),
        index,
        location="https://cap.example.org/feed.atom",
        fetcher=fetcher,
    )
    assert fetched == ["https://cap.example.org/CKT20300901130000.xml"]
    assert report.documents[0].outcome == "created"


def test_fetch_refuses_other_schemes_and_large_answers(monkeypatch):
    with pytest.raises(cap_read.CapReadError):
        cap_read.fetch("file:///etc/passwd")

    class Answer(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

    seen = {}

    def urlopen(request, timeout):
        seen["timeout"] = timeout
        return Answer(b"x" * 3000)

    monkeypatch.setattr(cap_read, "open_url", urlopen)
    with pytest.raises(cap_read.CapReadError, match="larger than"):
        cap_read.fetch("https://example.org/cap.xml", limit=2048)
    assert seen["timeout"] == cap_read.FETCH_TIMEOUT_SECONDS
    assert cap_read.fetch("https://example.org/cap.xml", limit=4096) == b"x" * 3000


# -- the command -----------------------------------------------------------------------


def test_command_imports_a_file(index):
    out = io.StringIO()
    call_command("kim_cms_import_cap", str(SAMPLES / "bmkg-nowcast.xml"), stdout=out)
    assert "CKT20300901130000" in out.getvalue()
    assert "Kahayan Hilir" in out.getvalue()  # what was matched
    assert WarningPage.objects.filter(live=False).count() == 1


def test_command_dry_run_and_errors(index):
    out = io.StringIO()
    call_command(
        "kim_cms_import_cap",
        str(SAMPLES / "bmkg-nowcast.xml"),
        "--dry-run",
        f"--index={index.pk}",
        stdout=out,
    )
    assert "nothing was written" in out.getvalue()
    assert not WarningPage.objects.exists()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "kim_cms_import_cap",
            str(SAMPLES / "truncated.xml"),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "XML" in err.getvalue()
    assert not WarningPage.objects.exists()
    with pytest.raises(CommandError, match="is not a warning list"):
        call_command("kim_cms_import_cap", "x.xml", f"--index={index.get_parent().pk}")


def test_command_without_argument_needs_the_setting(index, settings, monkeypatch):
    settings.KIM_CMS_CAP_IMPORT_URL = None
    with pytest.raises(CommandError, match="KIM_CMS_CAP_IMPORT_URL"):
        call_command("kim_cms_import_cap")
    settings.KIM_CMS_CAP_IMPORT_URL = "https://cap.example.org/feed.atom"
    requested = []

    def fetch(url):
        requested.append(url)
        if url.endswith("feed.atom"):
            return sample("feed.atom")
        return sample("bmkg-nowcast.xml")

    monkeypatch.setattr(cap_read, "fetch", fetch)
    call_command("kim_cms_import_cap", stdout=io.StringIO())
    assert requested == [
        "https://cap.example.org/feed.atom",
        "https://cap.example.org/CKT20300901130000.xml",
    ]
    assert WarningPage.objects.count() == 1


# -- our own CAP, imported back ----------------------------------------------------------


def test_our_own_cap_output_imports_back_as_an_equivalent_warning(
    index, english_index, regions, hazards, client, locales
):
    start = datetime.datetime(2030, 9, 1, 6, tzinfo=ZoneInfo("Asia/Makassar"))
    original = make_warning(
        index,
        "Awas karhutla di Jabiren Raya",
        hazard=hazards["fire"],
        level="awas",
        kecamatan=[regions["jabiren"], regions["maliku"]],
        desa=[regions["garung"]],
        valid_from=start,
        valid_until=start + datetime.timedelta(days=2),
        time_zone="Asia/Makassar",
        polygon="-2.9,114.0 -3.0,114.1 -3.1,114.0 -2.9,114.0",
        circle="-2.95,114.05 10",
        issuing_agency="BPBD Kabupaten Pulang Pisau",
    )
    english = original.copy_for_translation(locales["en"])
    english.title = "Forest fire emergency in Jabiren Raya"
    english.description = "Hotspots on peat land."
    english.instructions = "Do not burn land.\nWear a mask."
    english.save_revision().publish()
    document = client.get(original.url + "cap/").content
    other = make_warning_index(index.get_parent(), "Impor", slug="impor")
    other.copy_for_translation(locales["en"]).save_revision().publish()
    report = import_cap(document, other)
    assert report.documents[0].outcome == "created", report.documents[0].errors
    copy = WarningPage.objects.child_of(other).get()
    fields = (
        "title",
        "hazard_id",
        "level",
        "description",
        "instructions",
        "area_description",
        "polygon",
        "circle",
        "valid_from",
        "valid_until",
        "time_zone",
        "issuing_agency",
        "cancelled",
    )
    assert {f: getattr(copy, f) for f in fields} == {
        f: getattr(original, f) for f in fields
    }
    assert set(copy.kecamatan.all()) == set(original.kecamatan.all())
    assert set(copy.desa.all()) == set(original.desa.all())
    assert not copy.live
    copy_en = WarningPage.objects.get(
        translation_key=copy.translation_key, locale=locales["en"]
    )
    assert copy_en.title == "Forest fire emergency in Jabiren Raya"
    assert copy_en.get_instruction_steps() == ["Do not burn land.", "Wear a mask."]


def test_our_own_updates_and_cancel_import_as_the_same_warning(
    index, english_index, regions, hazards, client, locales
):
    original = make_warning(
        index, hazard=hazards["fire"], kecamatan=[regions["jabiren"]]
    )
    other = make_warning_index(index.get_parent(), "Impor", slug="impor")
    other.copy_for_translation(locales["en"]).save_revision().publish()

    def import_current():
        document = client.get(original.url + "cap/").content
        (report,) = import_cap(document, other).documents
        return report

    assert import_current().outcome == "created"
    copy = WarningPage.objects.child_of(other).get()
    # publishing the English copy is an update of the same warning
    english = original.copy_for_translation(locales["en"])
    english.title = "Forest fire watch in Jabiren Raya"
    english.save_revision().publish()
    report = import_current()
    assert report.outcome == "updated", report.errors
    copies = WarningPage.objects.filter(translation_key=copy.translation_key)
    assert {p.locale.language_code for p in copies} == {"id", "en"}
    copy_en = copies.get(locale=locales["en"])
    assert copy_en.title == "Forest fire watch in Jabiren Raya"
    assert not copy_en.live
    # a moderator publishes the copy; the original is raised to Awas
    copy.get_latest_revision().publish()
    original.refresh_from_db()
    original.level = "awas"
    original.save_revision().publish()
    assert import_current().outcome == "updated"
    assert draft_of(copy).level == "awas"
    assert WarningPage.objects.get(pk=copy.pk).level == "siaga"  # still live as was
    # the original is cancelled
    original.refresh_from_db()
    original.cancelled = True
    original.save_revision().publish()
    cancel = client.get(original.url + "cap/").content
    (report,) = import_cap(cancel, other).documents
    assert report.outcome == "cancelled", report.errors
    live = WarningPage.objects.get(pk=copy.pk)
    assert live.live and not live.cancelled  # until a moderator publishes it
    assert draft_of(live).cancelled and draft_of(copy_en).cancelled
    # the same cancellation again writes nothing
    revisions = live.revisions.count()
    (again,) = import_cap(cancel, other).documents
    assert again.outcome == "unchanged"
    assert live.revisions.count() == revisions
    assert WarningPage.objects.child_of(other).count() == 1
    assert (
        ImportedCapMessage.objects.filter(translation_key=copy.translation_key).count()
        == 4
    )


# -- the admin view ------------------------------------------------------------------


@pytest.fixture
def moderator(index):
    return make_user("moderator", Group.objects.get(name=MODERATORS_NAME))


def upload(name, dry_run=False):
    data = {"document": SimpleUploadedFile(name, sample(name), "application/xml")}
    if dry_run:
        data["dry_run"] = "on"
    return data


def test_moderator_imports_a_draft_from_the_admin(client, moderator, index):
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, upload("bmkg-nowcast.xml"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-outcome="created"' in html
    page = only_warning()
    assert not page.live
    assert page.get_latest_revision().user == moderator


def test_the_admin_reports_a_malformed_upload_and_writes_nothing(
    client, moderator, index
):
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    response = client.post(url, upload("truncated.xml"))
    assert response.status_code == 400
    assert 'data-outcome="failed"' in response.content.decode()
    assert not WarningPage.objects.exists()


def test_the_admin_imports_an_uploaded_list_by_fetching_its_links(
    client, moderator, index, monkeypatch
):
    fetched = []

    def fetch(url):
        fetched.append(url)
        return sample("bmkg-nowcast.xml")

    monkeypatch.setattr(cap_read, "fetch", fetch)
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    response = client.post(url, upload("feed.atom"))
    assert response.status_code == 200
    assert 'data-outcome="created"' in response.content.decode()
    assert fetched == ["https://cap.example.org/CKT20300901130000.xml"]
    assert not only_warning().live


def test_an_uploaded_list_never_reads_the_servers_files(
    client, moderator, index, monkeypatch
):
    def read_file(path, limit=None):
        raise AssertionError(f"read {path}")  # pragma: no cover

    monkeypatch.setattr(cap_read, "read_file", read_file)
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    # feed.rss links to files next to it: from an upload they are nothing
    response = client.post(url, upload("feed.rss"))
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('data-outcome="failed"') == 2
    # (the admin speaks the moderator's language, Indonesian)
    assert "Hanya alamat http dan https yang diambil, bukan bmkg-nowcast.xml" in html
    assert not WarningPage.objects.exists()


def test_the_configured_feed_is_offered_only_when_set(
    client, moderator, index, settings
):
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    settings.KIM_CMS_CAP_IMPORT_URL = None
    assert b"data-kim-cap-import-feed" not in client.get(url).content
    assert refused(client.post(url, {"from_feed": "1"}))
    settings.KIM_CMS_CAP_IMPORT_URL = "https://cap.example.org/feed.atom"
    html = client.get(url).content.decode()
    assert "data-kim-cap-import-feed" in html
    assert "https://cap.example.org/feed.atom" in html


def test_the_admin_imports_the_configured_feed_as_the_command_does(
    client, moderator, index, settings, monkeypatch
):
    settings.KIM_CMS_CAP_IMPORT_URL = "https://cap.example.org/feed.atom"
    requested = []

    def fetch(url):
        requested.append(url)
        if url.endswith("feed.atom"):
            return sample("feed.atom")
        return sample("bmkg-nowcast.xml")

    monkeypatch.setattr(cap_read, "fetch", fetch)
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    response = client.post(url, {"from_feed": "1", "dry_run": "on"})
    assert response.status_code == 200
    assert 'data-outcome="created"' in response.content.decode()
    assert not WarningPage.objects.exists()  # only checked
    response = client.post(url, {"from_feed": "1"})
    assert response.status_code == 200
    assert requested[-2:] == [
        "https://cap.example.org/feed.atom",
        "https://cap.example.org/CKT20300901130000.xml",
    ]
    page = only_warning()
    assert not page.live and page.get_latest_revision().user == moderator
    # again: already imported, nothing changes
    response = client.post(url, {"from_feed": "1"})
    assert 'data-outcome="unchanged"' in response.content.decode()
    assert WarningPage.objects.count() == 1


def test_a_feed_that_cannot_be_fetched_is_a_clear_error_and_writes_nothing(
    client, moderator, index, settings, monkeypatch
):
    settings.KIM_CMS_CAP_IMPORT_URL = "https://cap.example.org/feed.atom"

    def urlopen(request, timeout):
        raise cap_read.urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(cap_read, "open_url", urlopen)
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    revisions = index.revisions.count()
    response = client.post(url, {"from_feed": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-outcome="failed"' in html
    assert (
        "https://cap.example.org/feed.atom tidak dapat diambil: "
        "Name or service not known" in html
    )
    assert not WarningPage.objects.exists()
    assert not ImportedCapMessage.objects.exists()
    assert index.revisions.count() == revisions


def test_the_admin_import_is_in_the_warning_lists_menu(client, moderator, index):
    client.force_login(moderator)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content
    assert url.encode() in html
    html = client.get(reverse("wagtailadmin_explore", args=[index.get_parent().pk]))
    assert b"kim-cap-import" not in html.content


def test_anonymous_is_sent_to_login(client, index, settings):
    settings.KIM_CMS_CAP_IMPORT_URL = "https://cap.example.org/feed.atom"
    url = reverse("kim_cms_cap_import", args=[index.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(url, {"from_feed": "1"})
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["editor", "translator"])
def test_others_are_refused_the_import(
    client, index, directory, who, settings, monkeypatch
):
    settings.KIM_CMS_CAP_IMPORT_URL = "https://cap.example.org/feed.atom"
    monkeypatch.setattr(cap_read, "fetch", lambda url: sample("feed.atom"))
    from tests.factories_groups import KimGroupPageFactory

    if who == "editor":
        group = KimGroupPageFactory(parent=directory, title="KIM Bahaur", slug="b")
        user = make_user("editor", editors_of(group))
    else:
        user = make_user("translator", Group.objects.get(name=TRANSLATORS_NAME))
    client.force_login(user)
    url = reverse("kim_cms_cap_import", args=[index.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, upload("bmkg-nowcast.xml")))
    assert refused(client.post(url, {"from_feed": "1"}))
    assert not WarningPage.objects.exists()
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content
    assert b"kim-cap-import" not in html


def test_the_import_is_only_for_warning_lists(client, moderator, index):
    client.force_login(moderator)
    portal = index.get_parent()
    url = reverse("kim_cms_cap_import", args=[portal.pk])
    assert refused(client.get(url))


# -- what the server never fetches ---------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:6379/",
        "http://localhost/cap.xml",
        "http://10.0.0.5/cap.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/cap.xml",
        "http://intranet.example/cap.xml",  # a name that resolves inside
    ],
)
def test_links_into_a_private_network_are_never_fetched(address, monkeypatch):
    opened = []
    monkeypatch.setattr(cap_read, "open_url", lambda *a, **k: opened.append(a))
    monkeypatch.setattr(
        cap_read,
        "resolve",
        lambda host: (
            ["192.168.1.20"]
            if host == "intranet.example"
            else [host]
            if host[0].isdigit() or ":" in host
            else ["127.0.0.1"]
        ),
    )
    with pytest.raises(cap_read.CapReadError, match="private network"):
        cap_read.fetch(address)
    assert opened == []


def test_a_redirect_into_a_private_network_is_not_followed(monkeypatch):
    monkeypatch.setattr(cap_read, "resolve", lambda host: ["10.1.2.3"])
    handler = cap_read._CheckedRedirects()
    request = cap_read.urllib.request.Request("https://cap.example.org/feed.atom")
    with pytest.raises(cap_read.CapReadError, match="private network"):
        handler.redirect_request(
            request, None, 302, "Found", {}, "http://metadata.internal/"
        )


def test_the_configured_feeds_host_may_be_inside_the_network(settings, monkeypatch):
    settings.KIM_CMS_CAP_IMPORT_URL = "http://cap-mirror.local/feed.atom"
    monkeypatch.setattr(cap_read, "resolve", lambda host: ["10.0.0.8"])
    cap_read.refuse_private_address("http://cap-mirror.local/CKT1.xml")  # no error
    with pytest.raises(cap_read.CapReadError):
        cap_read.refuse_private_address("http://other.local/CKT1.xml")


def test_an_uploaded_list_pointing_inside_is_a_clear_error_and_writes_nothing(
    client, moderator, index, monkeypatch
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    monkeypatch.setattr(cap_read, "resolve", lambda host: ["127.0.0.1"])
    opened = []
    monkeypatch.setattr(cap_read, "open_url", lambda *a, **k: opened.append(a))
    feed = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        b'<entry><title>a</title><link href="http://internal.example/a.xml"/>'
        b"</entry></feed>"
    )
    client.force_login(moderator)
    response = client.post(
        reverse("kim_cms_cap_import", args=[index.pk]),
        {"document": SimpleUploadedFile("feed.atom", feed, "application/atom+xml")},
    )
    assert response.status_code == 400
    assert "jaringan privat" in response.content.decode()
    assert opened == []
    assert not WarningPage.objects.exists()
