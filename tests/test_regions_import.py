"""The region CSV import command."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

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
