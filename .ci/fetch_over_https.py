"""Fetch the production site through the web server, as a visitor would:
HTTP redirects to HTTPS with HSTS; every page listed in URLS_FILE answers 200;
every image on them is served by the web server from MEDIA_ROOT; static files
come compressed with hashed names; documents are served by Django only; the
cache is in Redis.

Usage: fetch_over_https.py PORT_HTTP PORT_HTTPS HOST URLS_FILE REDIS_URL
"""

import http.client
import re
import ssl
import sys
import time

import redis  # the app server's venv has it

port_http, port_https, host, urls_file, redis_url = sys.argv[1:6]
context = ssl._create_unverified_context()  # a self-signed test certificate
failures = []


def get(path, secure=True, **headers):
    if secure:
        conn = http.client.HTTPSConnection(
            "127.0.0.1", int(port_https), context=context, timeout=30
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", int(port_http), timeout=30)
    conn.request("GET", path, headers={"Host": host, **headers})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def expect(condition, message):
    if not condition:
        failures.append(message)


store = redis.Redis.from_url(redis_url)
for key in store.scan_iter("kim:*"):  # the site's keys only
    store.delete(key)

for _attempt in range(60):
    try:
        status, headers, body = get("/")
        if status == 200:
            break
    except OSError:
        pass
    time.sleep(1)
else:
    sys.exit("the site did not answer over HTTPS")

status, headers, _ = get("/en/", secure=False)
expect(status == 301, f"HTTP answers {status}, not a redirect")
expect(
    headers.get("location", "").startswith(f"https://{host}"),
    f"HTTP redirects to {headers.get('location')}",
)
status, headers, _ = get("/")
hsts = headers.get("strict-transport-security", "")
expect("max-age=31536000" in hsts and "preload" in hsts, f"HSTS header: {hsts!r}")

images, statics, documents = set(), set(), set()
with open(urls_file) as handle:
    urls = handle.read().split()
for url in urls:
    status, headers, body = get(url)
    expect(status == 200, f"{status} {url}")
    html = body.decode("utf-8", "replace")
    images |= set(
        re.findall(r'(?:src|content)="(?:https?://[^/"]+)?(/media/[^"]+)"', html)
    )
    # linked, or inline with the address of the file it holds
    statics |= set(
        re.findall(r'(?:href|data-kim-stylesheet)="(/static/[^"]+\.css)"', html)
    )
    documents |= set(re.findall(r'href="(/documents/\d+/[^"]+)"', html))

expect(images, "no image on any page")
for image in sorted(images):
    status, headers, body = get(image)
    expect(status == 200, f"image {status} {image}")
    expect(headers.get("content-type", "").startswith("image/"), f"type of {image}")
    # nginx's /media/ block sends Expires; its /media/images/ block (renditions,
    # whose names change with the file) sends an immutable Cache-Control.
    cache_control = headers.get("cache-control", "")
    if image.startswith("/media/images/"):
        expect("immutable" in cache_control, f"{image} not served by the web server")
    else:
        expect("expires" in headers, f"{image} not served by the web server")
    expect("x-frame-options" not in headers, f"{image} served by Django")

expect(statics, "no stylesheet")
for static in sorted(statics):
    expect(re.search(r"\.[0-9a-f]{12}\.css$", static), f"{static} has no hashed name")
    status, headers, body = get(static, **{"Accept-Encoding": "gzip"})
    expect(status == 200, f"static {status} {static}")
    expect(headers.get("content-encoding") == "gzip", f"{static} not compressed")

expect(documents, "no document link")
for document in sorted(documents):
    status, headers, _ = get(document)
    expect(status == 200, f"document {status} {document}")
    name = document.rsplit("/", 1)[1]
    status, _, _ = get(f"/media/documents/{name}")
    expect(status in (403, 404), f"/media/documents/{name} answers {status}")

keys = store.keys("kim:*")
expect(keys, f"nothing cached in Redis at {redis_url}")

if failures:
    sys.exit("production: " + "; ".join(failures[:20]))
print(
    f"production ok: {len(urls)} pages, {len(images)} images, {len(statics)} "
    f"stylesheets, {len(documents)} documents over HTTPS; {len(keys)} keys in Redis"
)
