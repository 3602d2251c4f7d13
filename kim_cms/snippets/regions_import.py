"""Import kecamatan and desa from a Kemendagri region CSV (code, name,
parent_code), all or nothing, with a row-by-row error report."""

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from kim_cms.snippets import Desa, Kecamatan

REQUIRED_COLUMNS = ("code", "name", "parent_code")
# 62 province, 62.11 kabupaten, 62.11.01 kecamatan, 62.11.01.2001 desa.
CODE_PATTERN = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?")
LEVEL_KECAMATAN = 3
LEVEL_DESA = 4


def code_level(code):
    return code.count(".") + 1


@dataclass
class RegionImportResult:
    errors: list = field(default_factory=list)  # (line, message)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def ok(self):
        return not self.errors


class RegionImportError(Exception):
    pass


DELIMITERS = (",", ";", "\t", "|")
# Control characters, line and paragraph separators, format characters
# (zero-width and direction marks), surrogates, private and unassigned code
# points: none belongs in a region's name.
FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _decode(data):
    """The text of the file: UTF-8 (with or without the byte order mark that
    Excel writes), or UTF-16 when it starts with its byte order mark (Excel's
    "Unicode text")."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _header_columns(header, delimiter):
    row = next(csv.reader([header], delimiter=delimiter), [])
    return [column.strip().lower() for column in row]


def detect_delimiter(text):
    """The delimiter whose header holds the required columns: a comma, or the
    semicolon Excel writes in an Indonesian locale, a tab or a bar. When none
    does, the one that splits the header into most columns."""
    header = text.splitlines()[0] if text else ""
    found = {d: _header_columns(header, d) for d in DELIMITERS}
    for delimiter, columns in found.items():
        if all(column in columns for column in REQUIRED_COLUMNS):
            return delimiter
    return max(DELIMITERS, key=lambda d: len(found[d]))


def read_rows(path):
    """The rows of the CSV file as (line number, dict), or raise
    ``RegionImportError`` when the file cannot be read."""
    try:
        with open(path, "rb") as handle:
            text = _decode(handle.read())
    except FileNotFoundError as error:
        raise RegionImportError(
            _("File not found: %(path)s") % {"path": path}
        ) from error
    except UnicodeDecodeError as error:
        raise RegionImportError(
            _(
                "The file is not UTF-8 text. Save it from the spreadsheet as 'CSV UTF-8'."
            )
        ) from error
    delimiter = detect_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = [c.strip().lower() for c in next(reader, [])]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise RegionImportError(
                _(
                    "The file must have the columns %(columns)s (separated by "
                    "commas, semicolons or tabs); missing: %(missing)s. Columns "
                    "found: %(found)s."
                )
                % {
                    "columns": ", ".join(REQUIRED_COLUMNS),
                    "missing": ", ".join(missing),
                    "found": ", ".join(repr(c) for c in columns)[:300] or "-",
                }
            )
        rows = []
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            if not values:
                continue  # an empty line
            row = {
                column: value.strip()
                for column, value in zip(columns, values, strict=False)
                if column
            }
            rows.append((line, row))
        return rows
    except csv.Error as error:
        raise RegionImportError(
            _("The file is not a valid CSV file: %(error)s") % {"error": error}
        ) from error


def forbidden_character(text):
    """The first character of ``text`` that no region name may hold, or
    ``None``."""
    for character in text:
        if unicodedata.category(character) in FORBIDDEN_CATEGORIES:
            return character
    return None


def validate(rows):
    """Check every row; return (kecamatan rows, desa rows, errors, skipped)."""
    errors = []
    kecamatan_rows, desa_rows = [], []
    seen_codes = {}
    skipped = 0
    for line, row in rows:
        code, name, parent = (
            row.get("code", ""),
            row.get("name", ""),
            row.get("parent_code", ""),
        )
        if not any((code, name, parent)):
            continue  # blank line
        if not code:
            errors.append((line, _("The code is empty.")))
            continue
        if not CODE_PATTERN.fullmatch(code):
            errors.append(
                (
                    line,
                    _(
                        "The code '%(code)s' is not a Kemendagri code such as "
                        "62.11.01 (kecamatan) or 62.11.01.2001 (desa)."
                    )
                    % {"code": code},
                )
            )
            continue
        if code in seen_codes:
            errors.append(
                (
                    line,
                    _("The code %(code)s already appears on line %(other)s.")
                    % {"code": code, "other": seen_codes[code]},
                )
            )
            continue
        seen_codes[code] = line
        if not name:
            errors.append((line, _("The name of %(code)s is empty.") % {"code": code}))
            continue
        bad = forbidden_character(name)
        if bad is not None:
            errors.append(
                (
                    line,
                    _(
                        "The name of %(code)s holds a line break or another "
                        "invisible character (%(character)s); type the name "
                        "again on one line."
                    )
                    % {"code": code, "character": f"U+{ord(bad):04X}"},
                )
            )
            continue
        if len(name) > 100:
            errors.append((line, _("The name is longer than 100 characters.")))
            continue
        level = code_level(code)
        expected_parent = code.rsplit(".", 1)[0] if level > 1 else ""
        if level < LEVEL_KECAMATAN:
            skipped += 1  # province and kabupaten rows are not stored
            continue
        if level == LEVEL_KECAMATAN:
            if parent and parent != expected_parent:
                errors.append(
                    (
                        line,
                        _(
                            "Kecamatan %(code)s should have the kabupaten "
                            "%(expected)s as parent (or none), not %(parent)s."
                        )
                        % {"code": code, "expected": expected_parent, "parent": parent},
                    )
                )
                continue
            kecamatan_rows.append((line, code, name))
        else:
            if not parent:
                errors.append(
                    (
                        line,
                        _("Desa %(code)s has no parent kecamatan code.")
                        % {"code": code},
                    )
                )
                continue
            if parent != expected_parent:
                errors.append(
                    (
                        line,
                        _(
                            "Desa %(code)s should have the kecamatan %(expected)s "
                            "as parent, not %(parent)s."
                        )
                        % {"code": code, "expected": expected_parent, "parent": parent},
                    )
                )
                continue
            desa_rows.append((line, code, name, parent))

    file_kecamatan = {code for _line, code, _name in kecamatan_rows}
    names = {}
    for line, _code, name in kecamatan_rows:
        key = name.casefold()
        if key in names:
            errors.append(
                (
                    line,
                    _("The kecamatan name %(name)s already appears on line %(other)s.")
                    % {"name": name, "other": names[key]},
                )
            )
        names[key] = line
    db_kecamatan_codes = set(
        Kecamatan.objects.filter(
            code__in={parent for *_rest, parent in desa_rows}
        ).values_list("code", flat=True)
    )
    desa_names = {}
    for line, code, name, parent in desa_rows:
        if parent not in file_kecamatan and parent not in db_kecamatan_codes:
            errors.append(
                (
                    line,
                    _(
                        "The kecamatan %(parent)s of desa %(code)s is neither in "
                        "the file nor in the database."
                    )
                    % {"parent": parent, "code": code},
                )
            )
        key = (parent, name.casefold())
        if key in desa_names:
            errors.append(
                (
                    line,
                    _(
                        "Desa %(name)s appears twice in kecamatan %(parent)s "
                        "(also on line %(other)s)."
                    )
                    % {"name": name, "parent": parent, "other": desa_names[key]},
                )
            )
        desa_names[key] = line
    return kecamatan_rows, desa_rows, errors, skipped


def _store(instance, name, result, **extra):
    changed = instance.pk is None or instance.name != name
    for attr, value in extra.items():
        changed = changed or getattr(instance, attr) != value
        setattr(instance, attr, value)
    if instance.pk is None:
        result.created += 1
    elif changed:
        result.updated += 1
    else:
        result.unchanged += 1
        return instance
    instance.name = name
    instance.save()
    return instance


def import_regions(path, dry_run=False):
    """Validate and import ``path``; nothing is written when any row has an
    error or when ``dry_run`` is set."""
    result = RegionImportResult()
    rows = read_rows(path)
    kecamatan_rows, desa_rows, errors, skipped = validate(rows)
    result.skipped = skipped
    if errors:
        result.errors = sorted(errors, key=lambda e: e[0])
        return result
    with transaction.atomic():
        by_code = {}
        for line, code, name in kecamatan_rows:
            instance = (
                Kecamatan.objects.filter(code=code).first()
                or Kecamatan.objects.filter(name__iexact=name, code=None).first()
                or Kecamatan(code=code)
            )
            clash = Kecamatan.objects.filter(name__iexact=name).exclude(pk=instance.pk)
            if clash.exists():
                result.errors.append(
                    (
                        line,
                        _(
                            "A kecamatan named %(name)s already exists with "
                            "another code (%(other)s)."
                        )
                        % {"name": name, "other": clash.first().code or "-"},
                    )
                )
                continue
            by_code[code] = _store(instance, name, result, code=code)
        for line, code, name, parent in desa_rows:
            kecamatan = by_code.get(parent) or Kecamatan.objects.get(code=parent)
            kind = (
                Desa.KIND_KELURAHAN
                if code.rsplit(".", 1)[1].startswith("1")
                else (Desa.KIND_DESA)
            )
            instance = (
                Desa.objects.filter(code=code).first()
                or Desa.objects.filter(
                    kecamatan=kecamatan, name__iexact=name, code=None
                ).first()
                or Desa(code=code)
            )
            clash = Desa.objects.filter(kecamatan=kecamatan, name__iexact=name).exclude(
                pk=instance.pk
            )
            if clash.exists():
                result.errors.append(
                    (
                        line,
                        _(
                            "Kecamatan %(kecamatan)s already has a desa named "
                            "%(name)s with another code."
                        )
                        % {"kecamatan": kecamatan.name, "name": name},
                    )
                )
                continue
            _store(instance, name, result, code=code, kecamatan=kecamatan, kind=kind)
        if result.errors or dry_run:
            transaction.set_rollback(True)
    return result
