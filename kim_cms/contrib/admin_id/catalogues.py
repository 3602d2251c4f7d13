"""Reading, checking and merging the catalogues of ``kim_cms.contrib.admin_id``.

A message is keyed as gettext keys it: ``(msgctxt, msgid)``. Django merges the
catalogues of every installed app into one per domain, so a translation in the
built ``django.po`` serves that msgid in every Wagtail app.

polib is a dependency of wagtail-localize, so reading catalogues adds nothing
to what a kim-cms site installs.
"""

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.apps import apps

APP_DIR = Path(__file__).resolve().parent
SOURCES_DIR = APP_DIR / "sources"
LOCALE_DIR = APP_DIR / "locale"
LANGUAGE = "id"
DOMAINS = ("django", "djangojs")
PLURAL_FORMS = "nplurals=1; plural=0;"
UPSTREAM_PACKAGES = ("wagtail", "wagtail_localize")
# Where Wagtail and wagtail-localize keep their Indonesian, in the order
# gettext looks for the language "id".
UPSTREAM_LANGUAGE_DIRS = ("id_ID", "id")

SOURCE_NAME = re.compile(
    r"^(?P<app>[a-z_][a-z0-9_.]*)\.(?P<domain>django|djangojs)\.po$"
)
NAMED_PRINTF = re.compile(r"%\((\w+)\)[#0 +\-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
POSITIONAL_PRINTF = re.compile(r"%(?!\()[#0 +\-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE = re.compile(r"(?<!\{)\{(\w*)(?:[!:][^{}]*)?\}(?!\})")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def key(entry):
    return (entry.msgctxt or None, entry.msgid)


def describe(message_key):
    context, msgid = message_key
    return f"[{context}] {msgid!r}" if context else repr(msgid)


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translations(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def read(path):
    """The entries of a ``.po`` (or, when only that ships, ``.mo``) file."""
    path = Path(path)
    if path.suffix == ".mo":
        return polib.mofile(str(path))
    return polib.pofile(str(path))


# --- What upstream ships -------------------------------------------------------


@dataclass
class UpstreamCatalogue:
    """One English catalogue of Wagtail or wagtail-localize, with its Indonesian."""

    app: str
    domain: str
    app_dir: Path
    installed: bool

    @property
    def name(self):
        return f"{self.app}.{self.domain}"

    @property
    def english_path(self):
        return self.app_dir / "locale" / "en" / "LC_MESSAGES" / f"{self.domain}.po"

    def english(self):
        """Every message of the catalogue, as ``{key: entry}``."""
        return {key(entry): entry for entry in read(self.english_path)}

    def indonesian_path(self):
        for language in UPSTREAM_LANGUAGE_DIRS:
            folder = self.app_dir / "locale" / language / "LC_MESSAGES"
            for suffix in (".po", ".mo"):
                path = folder / f"{self.domain}{suffix}"
                if path.exists():
                    return path
        return None

    def indonesian(self):
        """The messages upstream translates into Indonesian, as ``{key: entry}``."""
        path = self.indonesian_path()
        if path is None:
            return {}
        return {key(entry): entry for entry in read(path) if is_translated(entry)}


def _package_dirs():
    dirs = {}
    for package in UPSTREAM_PACKAGES:
        try:
            module = __import__(package)
        except ImportError:
            continue
        dirs[package] = Path(module.__file__).resolve().parent
    return dirs


def upstream_catalogues(include_all=False):
    """The English catalogues of the installed apps of Wagtail and
    wagtail-localize; with ``include_all``, of every app those packages ship,
    installed or not."""
    installed = {
        config.name: Path(config.path).resolve()
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in UPSTREAM_PACKAGES
    }
    found = {}
    for app, app_dir in installed.items():
        for domain in DOMAINS:
            catalogue = UpstreamCatalogue(app, domain, app_dir, installed=True)
            if catalogue.english_path.exists():
                found[catalogue.name] = catalogue
    if include_all:
        for package_dir in _package_dirs().values():
            for path in sorted(package_dir.glob("**/locale/en/LC_MESSAGES/*.po")):
                app_dir = path.parents[3]
                relative = app_dir.relative_to(package_dir.parent)
                app = ".".join(relative.parts)
                domain = path.stem
                if domain in DOMAINS and f"{app}.{domain}" not in found:
                    found[f"{app}.{domain}"] = UpstreamCatalogue(
                        app, domain, app_dir, installed=app in installed
                    )
    return sorted(found.values(), key=lambda catalogue: catalogue.name)


# --- Our sources ---------------------------------------------------------------


@dataclass
class Problem:
    where: str
    what: str

    def __str__(self):
        return f"{self.where}: {self.what}"


def placeholders(text, brace=False):
    """What a translation must carry over from its msgid, as comparable values:
    named printf placeholders, positional ones in order, brace fields when the
    message is brace-formatted, HTML tags, and the spaces at either end."""
    printf = text.replace("%%", "")
    return {
        "named printf placeholders": sorted(set(NAMED_PRINTF.findall(printf))),
        "positional printf placeholders": POSITIONAL_PRINTF.findall(printf),
        "brace placeholders": sorted(BRACE.findall(text)) if brace else [],
        "HTML tags": sorted(HTML_TAG.findall(text)),
        "leading or trailing spaces": [
            len(text) - len(text.lstrip(" ")),
            len(text) - len(text.rstrip(" ")),
        ],
    }


def check_entry(entry):
    """What is wrong with one translated entry of a source, as sentences."""
    if "fuzzy" in entry.flags:
        return ["is marked fuzzy: check the translation, then remove the flag"]
    if not is_translated(entry):
        return ["has no translation"]
    problems = []
    brace = "python-brace-format" in entry.flags
    # One Indonesian form serves every count, so it answers to the plural msgid.
    original = entry.msgid_plural or entry.msgid
    expected = placeholders(original, brace)
    for text in translations(entry):
        found = placeholders(text, brace)
        for kind, wanted in expected.items():
            if found[kind] != wanted:
                problems.append(f"{kind} differ: {wanted} in msgid, {found[kind]}")
    if entry.msgid_plural and len(entry.msgstr_plural) != 1:
        problems.append("needs exactly one plural form (msgstr[0]) for Indonesian")
    return problems


@dataclass
class Source:
    path: Path
    app: str
    domain: str
    revised: str = ""
    entries: list = field(default_factory=list)


def source_paths(sources_dir=SOURCES_DIR):
    return sorted(Path(sources_dir).glob("*.po"))


def read_sources(sources_dir=SOURCES_DIR):
    """The sources and every problem found in them."""
    sources, problems = [], []
    for path in source_paths(sources_dir):
        match = SOURCE_NAME.match(path.name)
        if not match:
            problems.append(
                Problem(path.name, "is not named <app>.<django|djangojs>.po")
            )
            continue
        try:
            catalogue = read(path)
        except (OSError, ValueError) as error:
            problems.append(Problem(path.name, f"cannot be read: {error}"))
            continue
        plural_forms = " ".join(catalogue.metadata.get("Plural-Forms", "").split())
        if plural_forms != PLURAL_FORMS:
            problems.append(
                Problem(path.name, f'needs the header "Plural-Forms: {PLURAL_FORMS}"')
            )
        source = Source(
            path,
            match["app"],
            match["domain"],
            revised=catalogue.metadata.get("PO-Revision-Date", ""),
        )
        seen = set()
        for entry in catalogue:
            if entry.obsolete:
                continue
            where = f"{path.name}:{entry.linenum}"
            if key(entry) in seen:
                problems.append(Problem(where, f"{describe(key(entry))} appears twice"))
                continue
            seen.add(key(entry))
            for what in check_entry(entry):
                problems.append(Problem(where, f"{describe(key(entry))} {what}"))
            source.entries.append(entry)
        sources.append(source)
    return sources, problems


# --- The built catalogues ------------------------------------------------------

BUILT_HEADER = (
    "Indonesian for Wagtail and wagtail-localize, built by\n"
    "`manage.py kim_cms_admin_id_build` from kim_cms/contrib/admin_id/sources/.\n"
    "Edit the sources, not this file."
)
BUILT_METADATA = {
    "Project-Id-Version": "kim-cms admin_id",
    "Last-Translator": "kim-cms",
    "Language-Team": "Indonesian",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": PLURAL_FORMS,
}


def merge(sources):
    """One catalogue per domain from every source, and the conflicts: a msgid
    that two sources translate differently (Django would show one of them in
    both apps)."""
    merged = {}
    problems = []
    for domain in DOMAINS:
        catalogue = polib.POFile()
        catalogue.header = BUILT_HEADER
        catalogue.metadata = dict(BUILT_METADATA)
        revised = max(
            (source.revised for source in sources if source.domain == domain),
            default="",
        )
        if revised:
            catalogue.metadata["PO-Revision-Date"] = revised
        by_key = {}
        for source in sources:
            if source.domain != domain:
                continue
            for entry in source.entries:
                existing = by_key.get(key(entry))
                if existing is None:
                    built = polib.POEntry(
                        msgctxt=entry.msgctxt,
                        msgid=entry.msgid,
                        msgid_plural=entry.msgid_plural,
                        msgstr=entry.msgstr,
                        msgstr_plural=dict(entry.msgstr_plural),
                        flags=[flag for flag in entry.flags if flag.endswith("format")],
                        occurrences=[(source.app, "")],
                    )
                    by_key[key(entry)] = built
                    catalogue.append(built)
                elif translations(existing) != translations(entry):
                    problems.append(
                        Problem(
                            source.path.name,
                            f"{describe(key(entry))} is translated "
                            f"{translations(entry)} here but {translations(existing)} "
                            f"in {existing.occurrences[0][0]}.{domain}.po",
                        )
                    )
                else:
                    existing.occurrences.append((source.app, ""))
        merged[domain] = catalogue
    return merged, problems


def built_po_path(domain, locale_dir=LOCALE_DIR):
    return Path(locale_dir) / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def compile_mo(po_path):
    """Compile as ``compilemessages`` does, so both give the same ``.mo``."""
    mo_path = Path(po_path).with_suffix(".mo")
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(mo_path), str(po_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return mo_path


def write_built(merged, locale_dir=LOCALE_DIR):
    """Write and compile the built catalogues; return the files written."""
    written = []
    for domain, catalogue in merged.items():
        po_path = built_po_path(domain, locale_dir)
        po_path.parent.mkdir(parents=True, exist_ok=True)
        po_path.write_text(str(catalogue) + "\n", encoding="utf-8")
        written += [po_path, compile_mo(po_path)]
    return written


def built_translations(domain, locale_dir=LOCALE_DIR):
    """The messages the built catalogue of ``domain`` translates."""
    path = built_po_path(domain, locale_dir)
    if not path.exists():
        return {}
    return {key(entry): entry for entry in read(path) if is_translated(entry)}


# --- Coverage ------------------------------------------------------------------


@dataclass
class Coverage:
    catalogue: UpstreamCatalogue
    messages: int
    upstream: int
    covered: int
    missing: list

    @property
    def share(self):
        return 100.0 * self.covered / self.messages if self.messages else 100.0


def coverage(catalogues, locale_dir=LOCALE_DIR):
    """For each upstream catalogue: how many of its messages Indonesian editors
    read in Indonesian, from upstream or from the built catalogues."""
    ours = {domain: built_translations(domain, locale_dir) for domain in DOMAINS}
    rows = []
    for catalogue in catalogues:
        english = catalogue.english()
        upstream = catalogue.indonesian()
        translated = set(upstream) | set(ours[catalogue.domain])
        missing = [
            entry
            for message_key, entry in english.items()
            if message_key not in translated
        ]
        rows.append(
            Coverage(
                catalogue=catalogue,
                messages=len(english),
                upstream=len(set(english) & set(upstream)),
                covered=len(english) - len(missing),
                missing=missing,
            )
        )
    return rows


def missing_template(row):
    """A catalogue of the messages ``row`` lacks, for a maintainer to translate
    and move into ``sources/``."""
    template = polib.POFile()
    template.header = (
        f"Messages of {row.catalogue.name} without Indonesian. Translate them\n"
        f"and add them to kim_cms/contrib/admin_id/sources/{row.catalogue.name}.po."
    )
    template.metadata = dict(
        BUILT_METADATA, **{"PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE"}
    )
    for entry in row.missing:
        template.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr="",
                msgstr_plural={0: ""} if entry.msgid_plural else {},
                flags=[flag for flag in entry.flags if flag.endswith("format")],
                occurrences=entry.occurrences,
            )
        )
    return template
