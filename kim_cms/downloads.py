"""Who may read a Wagtail document, and one ZIP of many documents.

Privacy of documents lives on collections (``CollectionViewRestriction``: a
shared password, logged-in users or groups), inherited by child collections.
"""

import hashlib
import hmac
import os
import shutil
import tempfile
import zipfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.text import slugify

from kim_cms.conf import kim_settings


def _restrictions():
    from wagtail.models import CollectionViewRestriction

    return list(CollectionViewRestriction.objects.select_related("collection"))


def _applying(document, restrictions):
    path = document.collection.path
    return [r for r in restrictions if path.startswith(r.collection.path)]


def _with_collections(documents):
    """The documents again, each with its collection loaded in one query."""
    from wagtail.documents import get_document_model

    documents = [doc for doc in documents if doc is not None]
    if all("collection" in doc._state.fields_cache for doc in documents):
        return documents
    ids = [doc.pk for doc in documents]
    loaded = get_document_model().objects.select_related("collection").in_bulk(ids)
    return [loaded[pk] for pk in ids if pk in loaded]


def document_access(documents, request=None):
    """Split documents by who may download them, in two queries.

    Returns ``(readable, public)``: the documents this request may download
    (a password entered earlier, a logged-in user or a member of the right
    group passes a restriction) and those anyone may download (no view
    restriction on their collection or any collection above it).
    """
    documents = [doc for doc in documents if doc is not None]
    if not documents:
        return [], []
    restrictions = _restrictions()
    if not restrictions:
        return list(documents), list(documents)
    documents = _with_collections(documents)
    readable, public = [], []
    for doc in documents:
        applying = _applying(doc, restrictions)
        if not applying:
            public.append(doc)
            readable.append(doc)
        elif request is not None and all(r.accept_request(request) for r in applying):
            readable.append(doc)
    return readable, public


def public_documents(documents):
    """The documents anyone may download."""
    return document_access(documents)[1]


def readable_documents(documents, request=None):
    """The documents this request may download."""
    return document_access(documents, request)[0]


def unique_documents(documents):
    """The documents without repeats, in their first order."""
    seen = set()
    result = []
    for doc in documents:
        if doc is not None and doc.pk not in seen:
            seen.add(doc.pk)
            result.append(doc)
    return result


def zip_member_names(documents):
    """Names of the documents inside the ZIP: ``01-title.pdf``, in order."""
    names = []
    for number, doc in enumerate(documents, start=1):
        stem = slugify(doc.title)[:80] or "dokumen"
        extension = doc.file_extension.lower()
        names.append(f"{number:02d}-{stem}.{extension}" if extension else stem)
    return names


def zip_storage_name(scope, documents):
    """Where the ZIP of these documents is cached in the default storage.

    The name changes when ``scope`` (e.g. the page and its published
    revision) or any document's file changes, and is a keyed hash so that
    nobody can guess it from the media URL.
    """
    parts = [str(scope)]
    for doc in documents:
        parts.append(f"{doc.pk}:{doc.file.name}:{doc.file_hash}:{doc.file_size}")
    digest = hmac.new(
        settings.SECRET_KEY.encode(), "|".join(parts).encode(), hashlib.sha256
    ).hexdigest()[:40]
    return f"{kim_settings.DOWNLOADS_ZIP_DIR.rstrip('/')}/{digest}.zip"


def get_or_build_zip(scope, documents):
    """Return the storage name of a ZIP of ``documents``, building it when it
    is not cached yet. Files are copied in chunks through a temporary file,
    so memory use does not grow with the documents' size."""
    documents = unique_documents(documents)
    name = zip_storage_name(scope, documents)
    if default_storage.exists(name):
        return name
    with tempfile.NamedTemporaryFile(suffix=".zip", delete=False) as tmp:
        tmp_path = tmp.name
    try:
        with zipfile.ZipFile(tmp_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for doc, member in zip(documents, zip_member_names(documents), strict=True):
                with doc.file.open("rb") as source, zf.open(member, "w") as target:
                    shutil.copyfileobj(source, target, 64 * 1024)
        with open(tmp_path, "rb") as built:
            if not default_storage.exists(name):
                name = default_storage.save(name, File(built))
    finally:
        os.unlink(tmp_path)
    return name
