"""A citizen's message as it may leave the admin: as plain text, without the
sender's name or contact and without anything that looks like an e-mail
address, a phone number or an identity number (NIK) written in it."""

import re

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Indonesian phone numbers as people write them: +62 812-5555-0101, 0812 5555
# 0101, (0513) 612345; and the 16 digits of a NIK. Nine digits or more, so
# that dates (2024-05-01) and sums (Rp 1.500.000) stay.
PHONE_RE = re.compile(r"(?<![\w])(\+?\(?\d[\d\s().-]{7,}\d)(?![\w])")
MIN_PHONE_DIGITS = 9
SPACES_RE = re.compile(r"[ \t]+")
REMOVED = _("[removed]")


def anonymised_text(text, name="", contact="", max_length=None):
    """``text`` without markup, e-mail addresses, phone or identity numbers,
    nor the sender's ``name`` and ``contact`` (each replaced by "[removed]");
    cut at ``max_length`` characters."""
    removed = str(REMOVED)
    text = strip_tags(text or "")
    for known in (contact, name):
        known = (known or "").strip()
        if len(known) >= 3:
            text = re.sub(re.escape(known), removed, text, flags=re.IGNORECASE)
    for part in (name or "").split():
        if len(part) >= 3:
            pattern = r"\b" + re.escape(part) + r"\b"
            text = re.sub(pattern, removed, text, flags=re.IGNORECASE)
    text = EMAIL_RE.sub(removed, text)
    text = PHONE_RE.sub(
        lambda match: (
            removed if _digits(match.group()) >= MIN_PHONE_DIGITS else match.group()
        ),
        text,
    )
    lines = [SPACES_RE.sub(" ", line).strip() for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def _digits(text):
    return sum(character.isdigit() for character in text)
