"""Import kecamatan and desa from a Kemendagri region CSV (code, name,
parent_code), all or nothing, with a row-by-row error report."""

import csv
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from kim_cms.snippets import Desa, Kecamatan

REQUIRED_COLUMNS = ("code", "name", "parent_code")
# 62 province, 62.11 kabupaten, 62.11.01 kecamatan, 62.11.01.2001 desa.
CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
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


def read_rows(path):
    """The rows of the CSV file as (line number, dict), or raise
    ``RegionImportError`` when the file cannot be read."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip().lower() for c in (reader.fieldnames or [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise RegionImportError(
                    _(
                        "The file must have the columns %(columns)s; missing: %(missing)s."
                    )
                    % {
                        "columns": ", ".join(REQUIRED_COLUMNS),
                        "missing": ", ".join(missing),
                    }
                )
            reader.fieldnames = columns
            rows = []
            for row in reader:
                clean = {k: (v or "").strip() for k, v in row.items() if k}
                rows.append((reader.line_num, clean))
            return rows
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
    except csv.Error as error:
        raise RegionImportError(
            _("The file is not a valid CSV file: %(error)s") % {"error": error}
        ) from error


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
        if not CODE_PATTERN.match(code):
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
