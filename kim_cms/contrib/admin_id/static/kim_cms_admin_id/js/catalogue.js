// Adds the Indonesian of kim_cms.contrib.admin_id to Django's JavaScript
// catalogue: at once, after Wagtail's catalogue, and again when the page has
// loaded, after any catalogue a page loads later (wagtail-localize's
// translation editor loads its own) and before the scripts that draw it.
(function () {
  'use strict';
  var data = document.getElementById('kim-cms-admin-id-catalogue');
  if (!data || !window.django || !window.django.catalog) {
    return;
  }
  var messages = JSON.parse(data.textContent);
  function merge() {
    Object.assign(window.django.catalog, messages);
  }
  merge();
  document.addEventListener('DOMContentLoaded', merge);
})();
