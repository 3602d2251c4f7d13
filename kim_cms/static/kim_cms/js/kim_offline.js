/* kim-cms: registers the offline service worker (KIM_CMS_OFFLINE). Pages work
 * the same without it; browsers without service workers skip it. It runs
 * inline in the page or from its file (KIM_CMS_INLINE_SCRIPTS), and registers
 * once the page has loaded and painted: the worker's own downloads (the pages
 * it keeps ahead) never compete with what the reader is waiting for. */
(function () {
  "use strict";
  var script = document.querySelector("script[data-kim-offline-worker]");
  if (!script || !("serviceWorker" in navigator)) {
    return;
  }
  // Under a worker's control, the page's own request already left a copy.
  var controlled = Boolean(navigator.serviceWorker.controller);
  var options = { scope: script.getAttribute("data-kim-offline-scope") || "/" };
  var worker = script.getAttribute("data-kim-offline-worker");

  function register() {
    navigator.serviceWorker
      .register(worker, options)
      .then(function () {
        // A page worth keeping, opened before the worker controlled it.
        if (controlled || !document.querySelector("[data-kim-offline-note]")) {
          return;
        }
        return navigator.serviceWorker.ready.then(function (registration) {
          registration.active.postMessage({
            type: "kim-offline-keep",
            url: window.location.href,
          });
        });
      })
      .catch(function () {
        // No worker (private mode, an old browser): the page works as it is.
      });
  }

  // After the frame that follows the load event has been painted.
  function afterPaint() {
    window.requestAnimationFrame(function () {
      window.setTimeout(register, 0);
    });
  }

  if (document.readyState === "complete") {
    afterPaint();
  } else {
    window.addEventListener("load", afterPaint);
  }
})();
