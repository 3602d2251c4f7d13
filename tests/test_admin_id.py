"""kim_cms.contrib.admin_id: Indonesian editors read Wagtail and wagtail-localize
in Indonesian, in the page and in what the admin's scripts draw."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import override as translation_override
from wagtail.users.models import UserProfile

from kim_cms.contrib.admin_id import catalogues
from kim_cms.contrib.admin_id.wagtail_hooks import CATALOGUE_ELEMENT_ID
from tests.localize import submit_translation

ADMIN_ID = Path(catalogues.__file__).parent
node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


def upstream(app, domain="django"):
    """The upstream catalogue of an installed app."""
    return next(
        catalogue
        for catalogue in catalogues.upstream_catalogues()
        if catalogue.app == app and catalogue.domain == domain
    )


def assert_upstream_leaves_english(app, msgid, domain="django"):
    """The message is a gap of upstream's Indonesian (what a site without the
    app shows) and part of the app's English catalogue."""
    catalogue = upstream(app, domain)
    assert (None, msgid) in catalogue.english()
    assert (None, msgid) not in catalogue.indonesian()


def make_user(username, language):
    user = User.objects.create_superuser(username, f"{username}@example.com", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def indonesian_admin(client, db):
    client.force_login(make_user("sari", "id"))
    return client


@pytest.fixture
def english_admin(client, db):
    client.force_login(make_user("sam", "en"))
    return client


# -- the Python catalogue -----------------------------------------------------------


def test_the_app_comes_before_wagtail_so_its_catalogue_wins():
    assert_upstream_leaves_english("wagtail_localize.locales", "Add a locale")
    with translation.override("id"):
        assert translation.gettext("Add a locale") == "Tambah bahasa"
        # A correction of upstream's Indonesian wins over it.
        redirects = upstream("wagtail.contrib.redirects").indonesian()
        assert redirects[(None, "Search redirects")].msgstr != "Cari pengalihan"
        assert translation.gettext("Search redirects") == "Cari pengalihan"
    with translation.override("en"):
        assert translation.gettext("Add a locale") == "Add a locale"


def test_indonesian_editor_reads_the_page_editor_in_indonesian(
    indonesian_admin, portal
):
    assert_upstream_leaves_english("wagtail_localize", "Translate this page")
    response = indonesian_admin.get(f"/admin/pages/{portal.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Terjemahkan halaman ini" in html
    assert "Translate this page" not in html


def test_indonesian_admin_reads_the_locales_screen_in_indonesian(indonesian_admin):
    response = indonesian_admin.get("/admin/locales/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tambah bahasa" in html
    assert "Add a locale" not in html


def test_english_admin_keeps_english(english_admin, portal):
    html = english_admin.get(f"/admin/pages/{portal.pk}/edit/").content.decode()
    assert "Translate this page" in html
    assert "Terjemahkan halaman ini" not in html


def test_listing_the_app_after_a_wagtail_app_is_a_warning(monkeypatch):
    from django.apps import apps

    from kim_cms.contrib.admin_id import checks

    assert checks.check_app_order() == []
    configs = list(apps.get_app_configs())
    ours = apps.get_app_config("kim_cms_admin_id")
    configs.remove(ours)
    configs.insert(configs.index(apps.get_app_config("wagtailadmin")) + 1, ours)
    monkeypatch.setattr(checks.apps, "get_app_configs", lambda: configs)
    [warning] = checks.check_app_order()
    assert warning.id == "kim_cms_admin_id.W001"
    assert "wagtail.admin" in warning.msg


# -- the JavaScript catalogue -------------------------------------------------------

SCRIPT = re.compile(
    r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", flags=re.S | re.I
)


def page_catalogue_scripts(client, html):
    """The scripts of ``html`` that shape ``django.catalog``, in page order:
    every ``jsi18n`` view the page loads (fetched as the same user) and the
    app's ``catalogue.js``; and the JSON data elements by id."""
    scripts, elements = [], {}
    for match in SCRIPT.finditer(html):
        attrs, body = match["attrs"], match["body"]
        src = re.search(r'src="([^"]+)"', attrs)
        element_id = re.search(r'id="([^"]+)"', attrs)
        if src and "jsi18n" in src[1]:
            response = client.get(src[1])
            assert response.status_code == 200
            scripts.append((src[1], response.content.decode()))
        elif src and "kim_cms_admin_id/" in src[1]:
            path = src[1].split("/static/", 1)[1].split("?")[0]
            scripts.append((src[1], Path(finders.find(path)).read_text()))
        elif element_id and "application/json" in attrs:
            elements[element_id[1]] = body
    return scripts, elements


HARNESS = """
const vm = require('vm');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const loaded = [];
const sandbox = {
  document: {
    getElementById: (id) => (id in input.elements ? {textContent: input.elements[id]} : null),
    addEventListener: (type, listener) => { if (type === 'DOMContentLoaded') loaded.push(listener); },
  },
};
vm.createContext(sandbox);
vm.runInContext('var window = this;', sandbox);
for (const code of input.scripts) vm.runInContext(code, sandbox);
loaded.forEach((listener) => listener());
const gettext = vm.runInContext('gettext', sandbox);
console.log(JSON.stringify(input.messages.map((message) => gettext(message))));
"""


def browser_gettext(client, html, messages):
    """What ``gettext(message)`` returns in the admin's scripts once the page
    has loaded: the page's catalogue scripts run in order in Node.js."""
    scripts, elements = page_catalogue_scripts(client, html)
    result = subprocess.run(
        ["node", "-e", HARNESS],
        input=json.dumps(
            {
                "scripts": [code for _src, code in scripts],
                "elements": elements,
                "messages": messages,
            }
        ),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_admin_pages_carry_the_javascript_catalogue_after_wagtails(indonesian_admin):
    assert_upstream_leaves_english("wagtail_localize", "Download PO file", "djangojs")
    html = indonesian_admin.get("/admin/").content.decode()
    # Wagtail's own catalogue view lacks the message ...
    wagtail_catalogue = indonesian_admin.get("/admin/jsi18n/").content.decode()
    assert "Unduh berkas PO" not in wagtail_catalogue
    # ... the page carries it, after Wagtail's catalogue.
    data = re.search(
        rf'<script id="{CATALOGUE_ELEMENT_ID}" type="application/json">(.*?)</script>',
        html,
        flags=re.S,
    )
    assert data
    assert json.loads(data[1])["Download PO file"] == "Unduh berkas PO"
    assert html.index('src="/admin/jsi18n/"') < data.start()
    assert data.end() < html.index("kim_cms_admin_id/js/catalogue.js")


def test_english_admin_pages_carry_no_indonesian(english_admin):
    html = english_admin.get("/admin/").content.decode()
    assert CATALOGUE_ELEMENT_ID not in html
    assert "Unduh berkas PO" not in html


@node
def test_the_dashboard_scripts_read_the_gap_filled_indonesian(indonesian_admin):
    html = indonesian_admin.get("/admin/").content.decode()
    assert browser_gettext(indonesian_admin, html, ["Download PO file", "Delete"]) == [
        "Unduh berkas PO",
        # Upstream's own Indonesian stays where the app adds nothing.
        polib.pofile(upstream("wagtail_localize", "djangojs").indonesian_path())
        .find("Delete")
        .msgstr,
    ]


@node
def test_the_translation_editor_draws_the_apps_indonesian(
    indonesian_admin, portal, locales
):
    """wagtail-localize's editor loads its own catalogue after the app's; the
    app's corrections still win when the editor draws."""
    upstream_unpublish = (
        upstream("wagtail_localize", "djangojs")
        .indonesian()[(None, "Unpublish")]
        .msgstr
    )
    assert upstream_unpublish != "Batal terbitkan"
    translated = submit_translation(indonesian_admin, portal, locales["en"])
    response = indonesian_admin.get(
        f"/admin/pages/{translated.get_target_instance().pk}/edit/"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "/admin/localize/jsi18n/" in html
    assert browser_gettext(
        indonesian_admin, html, ["Unpublish", "segments translated", "Publish in "]
    ) == ["Batal terbitkan", "segmen diterjemahkan", "Terbitkan dalam "]


# -- building and checking the catalogues ---------------------------------------------


def test_built_catalogues_are_in_step_with_the_sources(capsys):
    call_command("kim_cms_admin_id_build", "--check")
    assert "in step" in capsys.readouterr().out


def write_source(folder, name, entries, plural_forms=catalogues.PLURAL_FORMS):
    source = polib.POFile()
    source.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": plural_forms,
    }
    for entry in entries:
        source.append(entry)
    source.save(str(Path(folder) / name))


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """The build and the coverage report on a sources folder and locale folder
    of the test's own."""
    sources, locale = tmp_path / "sources", tmp_path / "locale"
    sources.mkdir()
    monkeypatch.setattr(catalogues, "SOURCES_DIR", sources)
    monkeypatch.setattr(catalogues, "LOCALE_DIR", locale)
    return sources, locale


def test_build_merges_sources_and_compiles(workspace):
    sources, locale = workspace
    write_source(
        sources,
        "wagtail_localize.djangojs.po",
        [polib.POEntry(msgid="Download PO file", msgstr="Unduh berkas PO")],
    )
    write_source(
        sources,
        "wagtail.contrib.forms.django.po",
        [
            polib.POEntry(
                msgid="One submission has been deleted.",
                msgid_plural="%(count)d submissions have been deleted.",
                msgstr_plural={0: "%(count)d hasil formulir telah dihapus."},
                flags=["python-format"],
            )
        ],
    )
    call_command("kim_cms_admin_id_build")
    for domain in catalogues.DOMAINS:
        assert (locale / "id" / "LC_MESSAGES" / f"{domain}.mo").exists()
    built = polib.mofile(str(locale / "id" / "LC_MESSAGES" / "django.mo"))
    assert built.find("One submission has been deleted.").msgstr_plural == {
        0: "%(count)d hasil formulir telah dihapus."
    }
    call_command("kim_cms_admin_id_build", "--check")
    # A source changes: the built files are stale until the next build.
    write_source(
        sources,
        "wagtail_localize.djangojs.po",
        [polib.POEntry(msgid="Download PO file", msgstr="Unduh file PO")],
    )
    with pytest.raises(CommandError, match="Out of step"):
        call_command("kim_cms_admin_id_build", "--check")


@pytest.mark.parametrize(
    "entry, problem",
    [
        (
            polib.POEntry(
                msgid="Translate '%(title)s'",
                msgstr="Terjemahkan '%(judul)s'",
                flags=["python-format"],
            ),
            "named printf placeholders differ",
        ),
        (
            polib.POEntry(
                msgid="Translate {model_name}",
                msgstr="Terjemahkan",
                flags=["python-brace-format"],
            ),
            "brace placeholders differ",
        ),
        (
            polib.POEntry(msgid="Change %s", msgstr="Ganti"),
            "positional printf placeholders differ",
        ),
        (
            polib.POEntry(
                msgid="Mirroring the <a href='%(url)s'>page</a>.",
                msgstr="Mengikuti halaman.",
                flags=["python-format"],
            ),
            "HTML tags differ",
        ),
        (
            polib.POEntry(msgid="Publish in ", msgstr="Terbitkan dalam"),
            "leading or trailing spaces differ",
        ),
        (polib.POEntry(msgid="Translate", msgstr=""), "has no translation"),
        (
            polib.POEntry(msgid="Translate", msgstr="Terjemahkan", flags=["fuzzy"]),
            "is marked fuzzy",
        ),
    ],
)
def test_build_refuses_a_broken_source_and_writes_nothing(workspace, entry, problem):
    sources, locale = workspace
    write_source(sources, "wagtail_localize.django.po", [entry])
    with pytest.raises(CommandError, match=problem):
        call_command("kim_cms_admin_id_build")
    assert not locale.exists()


def test_build_refuses_two_translations_of_one_message(workspace):
    sources, locale = workspace
    write_source(
        sources,
        "wagtail.admin.django.po",
        [polib.POEntry(msgid="Submit", msgstr="Kirim")],
    )
    write_source(
        sources,
        "wagtail_localize.django.po",
        [polib.POEntry(msgid="Submit", msgstr="Ajukan")],
    )
    with pytest.raises(CommandError, match="'Submit' is translated") as error:
        call_command("kim_cms_admin_id_build")
    assert "wagtail.admin.django.po" in str(error.value)
    assert not locale.exists()


def test_build_refuses_misnamed_sources_and_other_plural_forms(workspace):
    sources, _locale = workspace
    write_source(sources, "wagtail-localize.po", [])
    write_source(
        sources,
        "wagtail_localize.django.po",
        [polib.POEntry(msgid="Translate", msgstr="Terjemahkan")],
        plural_forms="nplurals=2; plural=(n != 1);",
    )
    with pytest.raises(CommandError) as error:
        call_command("kim_cms_admin_id_build")
    assert "is not named <app>.<django|djangojs>.po" in str(error.value)
    assert "Plural-Forms: nplurals=1; plural=0;" in str(error.value)


def test_the_shipped_sources_pass_every_check():
    sources, problems = catalogues.read_sources(catalogues.SOURCES_DIR)
    merged, conflicts = catalogues.merge(sources)
    assert problems + conflicts == []
    assert {source.path.name for source in sources} >= {
        "wagtail_localize.django.po",
        "wagtail_localize.djangojs.po",
        "wagtail_localize.locales.django.po",
    }


def test_kim_cms_and_the_app_agree_on_shared_messages():
    """kim_cms comes first in INSTALLED_APPS, so where both catalogues hold a
    message Django shows kim_cms's: they must say the same."""
    ours = catalogues.built_translations("django")
    kim_cms = {
        catalogues.key(entry): entry
        for entry in polib.pofile(
            str(ADMIN_ID.parents[1] / "locale" / "id" / "LC_MESSAGES" / "django.po")
        )
        if catalogues.is_translated(entry)
    }
    disagreements = {
        catalogues.describe(key): (kim_cms[key].msgstr, ours[key].msgstr)
        for key in kim_cms.keys() & ours.keys()
        if catalogues.translations(kim_cms[key]) != catalogues.translations(ours[key])
    }
    assert disagreements == {}


# -- coverage ----------------------------------------------------------------------


def coverage_output(*args):
    from io import StringIO

    out = StringIO()
    call_command("kim_cms_admin_id_coverage", *args, stdout=out)
    return out.getvalue()


def row_share(output, name):
    match = re.search(
        rf"^{re.escape(name)}\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)%", output, re.M
    )
    assert match, f"no row for {name}"
    return [int(match[1]), int(match[2]), int(match[3]), float(match[4])]


def test_translators_read_wagtail_localize_in_indonesian():
    output = coverage_output()
    for name in (
        "wagtail_localize.django",
        "wagtail_localize.djangojs",
        "wagtail_localize.locales.django",
    ):
        messages, _upstream, covered, share = row_share(output, name)
        assert share >= 95, f"{name}: {covered} of {messages}"


def test_coverage_counts_upstream_and_the_app(workspace):
    """Without the app's catalogues the report is upstream's; with them, it
    counts what they add."""
    without = coverage_output("--missing")
    messages, upstream_count, covered, _share = row_share(
        without, "wagtail_localize.djangojs"
    )
    assert covered == upstream_count < messages
    assert "'Download PO file'" in without
    english = upstream("wagtail_localize", "djangojs").english()
    assert messages == len(english)


def test_coverage_lists_only_what_is_missing():
    output = coverage_output("--missing")
    assert "'Download PO file'" not in output
    rows = re.findall(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+%", output, re.M)
    total = row_share(output, "total")
    assert total[0] == sum(int(row[1]) for row in rows if row[0] != "total")
    assert total[2] == sum(int(row[3]) for row in rows if row[0] != "total")


def test_fail_under_fails_below_the_threshold(workspace):
    """Upstream alone (no built catalogues in the workspace) is far from 95%."""
    upstream_total = row_share(coverage_output(), "total")[3]
    assert upstream_total < 95
    coverage_output("--fail-under", str(upstream_total - 1))
    with pytest.raises(CommandError, match="under 95%"):
        coverage_output("--fail-under", "95")
    with pytest.raises(CommandError, match="between 0 and 100"):
        coverage_output("--fail-under", "101")


def test_a_maintainer_fills_the_missing_template_and_the_gap_closes(
    workspace, tmp_path
):
    sources, locale = workspace
    template_dir = tmp_path / "missing"
    coverage_output("--write-missing", str(template_dir))
    template = polib.pofile(str(template_dir / "wagtail_localize.djangojs.po"))
    entry = template.find("Download PO file")
    assert entry is not None and entry.msgstr == ""
    assert template.metadata["Plural-Forms"] == catalogues.PLURAL_FORMS
    # Translate every message of the template, as a maintainer would.
    for entry in template:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    template.save(str(sources / "wagtail_localize.djangojs.po"))
    call_command("kim_cms_admin_id_build")
    output = coverage_output("--fail-under", "0")
    messages, _upstream, covered, share = row_share(output, "wagtail_localize.djangojs")
    assert covered == messages and share == 100.0


# -- English no catalogue reaches ---------------------------------------------------


def test_the_login_screen_labels_the_password_in_the_visitors_language(client, db):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert re.search(r'for="id_password"[^>]*>\s*Kata sandi', html)
    from wagtail.admin.forms.auth import LoginForm

    with translation_override("en"):
        assert str(LoginForm().fields["password"].label) == "Password"


def test_translated_segments_are_dated_in_the_users_language(
    indonesian_admin, portal, locales
):
    import datetime

    from wagtail_localize.models import StringSegment, StringTranslation

    translation = submit_translation(indonesian_admin, portal, locales["en"])
    segment = StringSegment.objects.filter(source=translation.source).first()
    string_translation = StringTranslation.objects.create(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale=locales["en"],
        data="Portal",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    StringTranslation.objects.filter(pk=string_translation.pk).update(
        updated_at=datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC)
    )
    string_translation.refresh_from_db()
    with translation_override("id"):
        assert string_translation.get_comment() == (
            "Diterjemahkan secara manual pada 1 Desember 2026"
        )
    with translation_override("en"):
        assert string_translation.get_comment() == (
            "Translated manually on 1 December 2026"
        )


def test_the_script_translates_the_words_upstream_writes_without_gettext():
    script = (
        ADMIN_ID / "static" / "kim_cms_admin_id" / "js" / "catalogue.js"
    ).read_text()
    built = catalogues.built_translations("djangojs")
    for english in ("Actions", "Search", "More actions"):
        assert f"'{english}'" in script
        assert built[(None, english)].msgstr
    pair = built[(None, "%(source)s to %(target)s translation")].msgstr
    assert pair == "Terjemahan %(source)s ke %(target)s"
