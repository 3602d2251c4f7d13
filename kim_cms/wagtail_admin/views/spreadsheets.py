"""The one writer behind every kim_cms CSV and XLSX export.

Spreadsheet programs run a cell that begins with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before them) as a formula: a page title such as
``=HYPERLINK("http://…"&A3,"Klik")`` would become a live link, or worse, on a
moderator's computer. Following OWASP's rule, such a cell is written with a
leading single quote in CSV; in XLSX it stays a text cell marked with Excel's
own "quote prefix", so it shows as typed and is never turned into a formula,
not even when someone edits the cell. Control characters that XLSX cannot
hold are left out of XLSX cells (openpyxl would refuse the whole file) and
carriage returns become line breaks, as XML reads them.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(value):
    """Whether a spreadsheet program could read the text ``value`` as a
    formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralize_formula(value):
    """``value`` as a CSV cell no spreadsheet program runs: text that could be
    read as a formula gets a leading single quote; anything else is kept."""
    if starts_like_formula(value):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """Put before a Wagtail report view (``SpreadsheetExportMixin``) so that
    its ``?export=csv`` and ``?export=xlsx`` never carry a formula."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralize_formula(value)
        if isinstance(value, str):
            # XML turns a carriage return into a line break anyway
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if starts_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell
