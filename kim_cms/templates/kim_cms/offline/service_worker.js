/* kim-cms offline copies: keeps the preparedness guides, their emergency
 * contacts and the warnings readable when the network drops.
 *
 * Pages: network first; a page is kept only when it carries the offline note
 * (the guides and warnings do) and holds no form with a CSRF token. When the
 * network fails, the kept copy is served with its "offline copy from ..."
 * note revealed. Once active, it also fetches and keeps the portal's
 * warning lists, warnings in force and guides (CONFIG.ahead), so that one
 * visit to any page is enough. Only GET requests of this site are looked at; the admin,
 * previews and everything else go to the network untouched. */
"use strict";

const CONFIG = {{ config }};
const STYLESHEET = new URL(CONFIG.stylesheet, self.location.href).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CONFIG.cache)
      .then((cache) => cache.add(STYLESHEET))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

// The disaster pages of the portal (its warning lists, the warnings in force
// and the guides), fetched once the worker is active, so that one visit to
// any page leaves them readable offline. A new list comes with a new worker.
function keepAhead() {
  return Promise.all(
    (CONFIG.ahead || []).map((path) => {
      const url = new URL(path, self.location.href);
      if (!inScope(url)) {
        return undefined;
      }
      return fetch(url.href, { credentials: "same-origin" })
        .then((response) => keep(url.href, response))
        .catch(() => undefined);
    }),
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter(
              (name) =>
                name.startsWith(CONFIG.cachePrefix) && name !== CONFIG.cache,
            )
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim())
      .then(() => keepAhead()),
  );
});

function inScope(url) {
  return (
    url.origin === self.location.origin &&
    url.href.startsWith(self.registration.scope) &&
    !CONFIG.skipPaths.some((path) => url.pathname.startsWith(path))
  );
}

async function keep(url, response) {
  const type = response.headers.get("Content-Type") || "";
  const control = response.headers.get("Cache-Control") || "";
  if (
    response.status !== 200 ||
    response.type !== "basic" ||
    response.redirected ||
    !type.startsWith("text/html") ||
    /no-store|private/.test(control)
  ) {
    return;
  }
  const html = await response.text();
  const cache = await caches.open(CONFIG.cache);
  if (!html.includes(CONFIG.noteMarker) || html.includes(CONFIG.csrfMarker)) {
    await cache.delete(url);
    return;
  }
  await cache.put(
    url,
    new Response(html, {
      status: 200,
      headers: {
        "Content-Type": type,
        "X-Kim-Offline-Saved": new Date().toISOString(),
      },
    }),
  );
}

function escapeHtml(text) {
  return text.replace(
    /[&<>"']/g,
    (character) => `&#${character.charCodeAt(0)};`,
  );
}

async function withNote(kept) {
  const html = await kept.text();
  const saved = kept.headers.get("X-Kim-Offline-Saved") || "";
  const language = (html.match(/<html[^>]*\slang="([^"]+)"/) || [])[1];
  let moment = saved;
  try {
    moment = new Intl.DateTimeFormat(language, {
      dateStyle: "long",
      timeStyle: "short",
    }).format(new Date(saved));
  } catch (error) {
    // an unknown language: the ISO moment reads well enough
  }
  const time = `<time data-kim-offline-time datetime="${escapeHtml(saved)}">${escapeHtml(moment)}</time>`;
  return new Response(
    html.replace(CONFIG.noteMarker, CONFIG.noteShown).replace(CONFIG.timeMarker, time),
    {
      status: 200,
      headers: { "Content-Type": kept.headers.get("Content-Type") || "text/html" },
    },
  );
}

async function page(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    event.waitUntil(keep(request.url, response.clone()).catch(() => undefined));
    return response;
  } catch (error) {
    const cache = await caches.open(CONFIG.cache);
    const kept = await cache.match(request.url, { ignoreVary: true });
    if (kept) {
      return withNote(kept);
    }
    throw error;
  }
}

async function stylesheet(request) {
  const cache = await caches.open(CONFIG.cache);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(STYLESHEET, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match(STYLESHEET);
    if (kept) {
      return kept;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.href === STYLESHEET) {
    event.respondWith(stylesheet(request));
  } else if (request.mode === "navigate" && inScope(url)) {
    event.respondWith(page(event));
  }
});

// The page a visitor opened before the worker controlled it: fetch it once
// more so that the very first visit leaves a copy.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "kim-offline-keep" || typeof data.url !== "string") {
    return;
  }
  const url = new URL(data.url, self.location.href);
  if (!inScope(url)) {
    return;
  }
  event.waitUntil(
    fetch(url.href, { credentials: "same-origin" })
      .then((response) => keep(url.href, response))
      .catch(() => undefined),
  );
});
