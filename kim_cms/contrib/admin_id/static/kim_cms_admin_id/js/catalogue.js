// Adds the Indonesian of kim_cms.contrib.admin_id to Django's JavaScript
// catalogue: at once, after Wagtail's catalogue, and again when the page has
// loaded, after any catalogue a page loads later (wagtail-localize's
// translation editor loads its own) and before the scripts that draw it.
//
// Then translates the few words that Wagtail's templates and
// wagtail-localize's translation editor write in English without gettext
// (a header's "Actions", a search box's hidden "Search" button, the editor's
// "More actions" and "<language> to <language> translation"), also when the
// editor draws them again.
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

  function translated(message) {
    var text = messages[message];
    return typeof text === 'string' ? text : null;
  }

  // [selector, attribute, English as the upstream template writes it]
  var ATTRIBUTES = [
    ['#w-slim-header-buttons', 'aria-label', 'Actions'],
    ['input[type="submit"]', 'value', 'Search'],
  ];
  var EDITOR = '.js-translation-editor';
  var MORE = 'More actions';
  var PAIR = '%(source)s to %(target)s translation';

  function fixAttributes(root) {
    ATTRIBUTES.forEach(function (rule) {
      var indonesian = translated(rule[2]);
      if (!indonesian) {
        return;
      }
      var found = Array.prototype.slice.call(root.querySelectorAll(rule[0]));
      if (root.matches && root.matches(rule[0])) {
        found.push(root);
      }
      found.forEach(function (element) {
        if (element.getAttribute(rule[1]) === rule[2]) {
          element.setAttribute(rule[1], indonesian);
        }
      });
    });
  }

  // The editor's own words, never the content it shows: the hidden label of
  // its actions menu, and the heading naming its two languages.
  function fixText(node, heading) {
    var text = node.nodeValue;
    var trimmed = text.trim();
    var fixed = text;
    var parent = node.parentElement;
    if (trimmed === MORE && parent && parent.classList.contains('w-sr-only')) {
      fixed = text.replace(trimmed, translated(MORE) || trimmed);
    } else if (heading && trimmed === heading.english) {
      fixed = text.replace(trimmed, heading.indonesian);
    }
    if (fixed !== text) {
      node.nodeValue = fixed;
    }
  }

  function editorHeading(editor) {
    var message = translated(PAIR);
    try {
      var props = JSON.parse(editor.dataset.props);
      var source = props.sourceLocale.displayName;
      var target = props.locale.displayName;
      return message && {
        english: source + ' to ' + target + ' translation',
        indonesian: window.interpolate(message, { source: source, target: target }, true),
      };
    } catch (error) {
      return null;
    }
  }

  function fixEditor(root, heading) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      fixText(node, heading);
    }
  }

  function start() {
    merge();
    if (typeof document.querySelectorAll !== 'function' || !document.body) {
      return;
    }
    fixAttributes(document);
    var editor = document.querySelector(EDITOR);
    var heading = editor ? editorHeading(editor) : null;
    if (editor) {
      fixEditor(editor, heading);
    }
    if (!window.MutationObserver) {
      return;
    }
    // Wagtail redraws parts of a page (the header after an autosave) and the
    // translation editor redraws itself.
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        var inEditor = editor && editor.contains(record.target);
        if (record.type === 'characterData') {
          if (inEditor) {
            fixText(record.target, heading);
          }
          return;
        }
        record.addedNodes.forEach(function (added) {
          if (added.nodeType === Node.ELEMENT_NODE) {
            fixAttributes(added);
            if (inEditor) {
              fixEditor(added, heading);
            }
          } else if (added.nodeType === Node.TEXT_NODE && inEditor) {
            fixText(added, heading);
          }
        });
      });
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  }
  document.addEventListener('DOMContentLoaded', start);
})();
