"""The region CSV import command."""

import csv
import re
import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_cms.snippets import Desa, Kecamatan

pytestmark = pytest.mark.django_db

VALID = """code,name,parent_code
62.11,Kabupaten Pulang Pisau,62
62.11.01,Kahayan Hilir,62.11
62.11.02,Kahayan Kuala,
62.11.01.1001,Pulang Pisau,62.11.01
62.11.01.2002,Bereng,62.11.01
62.11.02.2001,Bahaur,62.11.02
"""


def write(tmp_path, text, name="regions.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(path, *args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    with translation.override("en"):
        call_command("kim_cms_import_regions", path, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_valid_file_is_imported(tmp_path):
    out, _err = run(write(tmp_path, VALID))
    assert "5 created, 0 updated, 0 unchanged" in out
    hilir = Kecamatan.objects.get(code="62.11.01")
    assert hilir.name == "Kahayan Hilir"
    pulang_pisau = Desa.objects.get(code="62.11.01.1001")
    assert pulang_pisau.kecamatan == hilir
    assert pulang_pisau.kind == Desa.KIND_KELURAHAN
    assert Desa.objects.get(code="62.11.02.2001").kind == Desa.KIND_DESA


def test_reimport_is_idempotent_and_updates_names(tmp_path):
    run(write(tmp_path, VALID))
    out, _err = run(write(tmp_path, VALID))
    assert "0 created, 0 updated, 5 unchanged" in out
    out, _err = run(write(tmp_path, VALID.replace("Bereng", "Bereng Rambang")))
    assert "0 created, 1 updated, 4 unchanged" in out
    assert Desa.objects.get(code="62.11.01.2002").name == "Bereng Rambang"
    assert Desa.objects.count() == 3


def test_existing_regions_without_code_get_their_code(tmp_path):
    kecamatan = Kecamatan.objects.create(name="Kahayan Hilir")
    run(write(tmp_path, VALID))
    kecamatan.refresh_from_db()
    assert kecamatan.code == "62.11.01"
    assert Kecamatan.objects.count() == 2


def test_dry_run_writes_nothing(tmp_path):
    out, _err = run(write(tmp_path, VALID), "--dry-run")
    assert "Dry run, nothing was written: 5 created" in out
    assert not Kecamatan.objects.exists()
    assert not Desa.objects.exists()


def test_invalid_rows_are_reported_line_by_line_and_nothing_is_written(tmp_path):
    text = VALID + (
        "62.11.09.2001,Desa Hilang,62.11.09\n"  # line 8: unknown kecamatan
        "62-11-03,Salah Kode,62.11\n"  # line 9: malformed code
        "62.11.01.2002,Bereng Lagi,62.11.01\n"  # line 10: duplicate code
        "62.11.03,,62.11\n"  # line 11: empty name
        "62.11.01.2003,Gohong,62.11.02\n"  # line 12: wrong parent
    )
    path = write(tmp_path, text)
    with pytest.raises(CommandError) as error:
        run(path)
    assert "Nothing was imported: 5 row(s) have errors" in str(error.value)
    assert not Kecamatan.objects.exists()
    assert not Desa.objects.exists()


def test_error_report_names_line_and_problem(tmp_path, capsys):
    from io import StringIO

    text = VALID + "62.11.09.2001,Desa Hilang,62.11.09\n62-11-03,Salah,62.11\n"
    err = StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("kim_cms_import_regions", write(tmp_path, text), stderr=err)
    report = err.getvalue()
    assert (
        "Line 8: The kecamatan 62.11.09 of desa 62.11.09.2001 is neither in the "
        "file nor in the database." in report
    )
    assert "Line 9: The code '62-11-03' is not a Kemendagri code" in report


def test_messages_are_translated(tmp_path):
    from io import StringIO

    out = StringIO()
    with translation.override("id"):
        call_command(
            "kim_cms_import_regions", write(tmp_path, VALID), "--dry-run", stdout=out
        )
    assert "Uji coba" in out.getvalue()


def test_missing_columns_and_missing_file(tmp_path):
    with pytest.raises(CommandError, match="missing: parent_code"):
        run(write(tmp_path, "code,name\n62.11.01,Maliku\n"))
    with pytest.raises(CommandError, match="File not found"):
        run(str(tmp_path / "nope.csv"))


def test_desa_parent_may_already_be_in_the_database(tmp_path):
    Kecamatan.objects.create(name="Maliku", code="62.11.05")
    out, _err = run(
        write(tmp_path, "code,name,parent_code\n62.11.05.2001,Garantung,62.11.05\n")
    )
    assert "1 created" in out
    assert Desa.objects.get().kecamatan.name == "Maliku"


def test_name_clash_with_another_code_is_an_error(tmp_path):
    Kecamatan.objects.create(name="Maliku", code="62.11.05")
    with pytest.raises(CommandError):
        run(write(tmp_path, "code,name,parent_code\n62.11.06,Maliku,62.11\n"))
    assert Kecamatan.objects.get().code == "62.11.05"


# Files as spreadsheets write them ---------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (";", "utf-8"),  # Excel in an Indonesian locale
        (";", "utf-8-sig"),  # ... saved as "CSV UTF-8": with a byte order mark
        (",", "utf-8-sig"),
        ("\t", "utf-16"),  # "Unicode text"
    ],
    ids=["semicolon", "semicolon-bom", "comma-bom", "tab-utf16"],
)
def test_spreadsheet_dialects_are_read(tmp_path, delimiter, encoding):
    text = VALID.replace(",", delimiter).replace(
        "Kahayan Kuala", '"Kahayan Kuala; Pesisir"' if delimiter == ";" else "K K"
    )
    path = tmp_path / "regions.csv"
    path.write_bytes(text.encode(encoding))
    out, _err = run(str(path))
    assert "5 created, 0 updated, 0 unchanged" in out
    assert Kecamatan.objects.get(code="62.11.01").name == "Kahayan Hilir"
    if delimiter == ";":
        assert Kecamatan.objects.get(code="62.11.02").name == "Kahayan Kuala; Pesisir"


def test_missing_columns_names_what_was_found(tmp_path):
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, "kode;nama;induk\n62.11.01;Maliku;62.11\n"))
    message = str(error.value)
    assert "missing: code, name, parent_code" in message
    assert "semicolons" in message and "'kode'" in message


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Bahaur\x00", "U+0000"),
        ('"Bahaur\nHilir"', "U+000A"),
        ('"Bahaur\r\nHilir"', "U+000D"),
        ("Ba\x1bhaur", "U+001B"),
        ("Ba\u200bhaur", "U+200B"),  # zero-width space
        ("Ba\u2028haur", "U+2028"),  # line separator
    ],
    ids=["nul", "newline", "crlf", "escape", "zero-width", "line-separator"],
)
def test_names_with_control_characters_are_refused(tmp_path, name, shown):
    text = VALID + f"62.11.02.2002,{name},62.11.02\n62.11.02.2003,Cemara,62.11.02\n"
    err = StringIO()
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("kim_cms_import_regions", write(tmp_path, text), stderr=err)
    assert "1 row(s) have errors" in str(error.value)
    assert "Line 8: The name of 62.11.02.2002 holds a line break" in err.getvalue()
    assert shown in err.getvalue()
    assert not Kecamatan.objects.exists() and not Desa.objects.exists()


def test_codes_take_ascii_digits_only(tmp_path):
    # "٦٢" is 62 in Arabic-Indic digits: a digit to Python, not a Kemendagri code
    with pytest.raises(CommandError):
        run(write(tmp_path, "code,name,parent_code\n٦٢.١١.٠١,Maliku,٦٢.١١\n"))
    assert not Kecamatan.objects.exists()


NAME_CHARACTERS = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ é'-.;,\"()")
    + ["\x00", "\n", "\r", "\t", "\x0b", "\x1f", "\x7f", "\x85", "\u2028", "\u200b"]
    + ["\ufeff", "\u00a0"]
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    names=st.lists(st.text(NAME_CHARACTERS, max_size=12), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_import_is_all_or_nothing_and_stores_clean_names(
    tmp_path, names, delimiter, encoding
):
    """Any names, in any dialect: either every row is stored with the name as
    typed (trimmed), or nothing is stored and each bad row is reported; no
    stored name holds a control character."""
    from kim_cms.snippets.regions_import import FORBIDDEN_CATEGORIES, import_regions

    Desa.objects.all().delete()
    Kecamatan.objects.all().delete()
    buffer = StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["code", "name", "parent_code"])
    writer.writerow(["62.11.02", "Kahayan Kuala", "62.11"])
    for number, name in enumerate(names, start=1):
        writer.writerow([f"62.11.02.{2000 + number}", name, "62.11.02"])
    path = tmp_path / "regions.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))

    result = import_regions(str(path))

    trimmed = [name.strip() for name in names]

    def clean(name):
        return name and not any(
            unicodedata.category(c) in FORBIDDEN_CATEGORIES for c in name
        )

    valid = all(clean(name) for name in trimmed) and len(
        {name.casefold() for name in trimmed}
    ) == len(trimmed)
    if valid:
        assert result.ok, result.errors
        assert sorted(Desa.objects.values_list("name", flat=True)) == sorted(trimmed)
    else:
        assert result.errors
        assert not Kecamatan.objects.exists() and not Desa.objects.exists()
        # the line each row starts on: names may hold line breaks
        starts, line = [], 3
        for name in names:
            starts.append(line)
            line += 1 + len(re.findall(r"\r\n|\r|\n", name))
        bad_lines = {starts[n] for n, name in enumerate(trimmed) if not clean(name)}
        reported = {line for line, _message in result.errors}
        assert bad_lines <= reported
    for stored in Desa.objects.values_list("name", flat=True):
        assert not any(unicodedata.category(c) in FORBIDDEN_CATEGORIES for c in stored)
