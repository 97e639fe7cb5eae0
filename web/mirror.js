// The accessible mirror of the map (#mirror in index.html): the canvas is a picture to a screen
// reader, so what it shows is also written here as headings, real form controls and lists, in the
// view's language, kept in step with the map (the app says when it changed: Module.onMirrorChanged).
// Choosing a city here selects it on the map; a change of selection or of the count is announced
// politely. The content comes from the app (src/app/accessible.cpp), worded as the panels word it.
(function () {
  var root = document.getElementById('mirror');
  if (!root) return;
  var canvas = document.getElementById('canvas');
  var live = document.getElementById('mirror-live');
  var last = {};  // what was drawn, by part (its fingerprint), to redraw only what changed
  var pending = false;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'on') Object.keys(attrs.on).forEach(function (t) { e.addEventListener(t, attrs.on[t]); });
      else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  // A text's length and two 32-bit hashes of it (FNV-1a and a polynomial one): what a part showed
  // is remembered by this, not as its text (the list of cities is 65 KB of the page's heap).
  function fingerprint(text) {
    var a = 0x811c9dc5, b = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619);
      b = (Math.imul(b, 31) + c) | 0;
    }
    return text.length + ':' + (a >>> 0) + ':' + (b >>> 0);
  }
  function part(id, content, build) {  // redraws #id when its content changed
    var key = fingerprint(JSON.stringify(content));
    if (last[id] === key) return;
    last[id] = key;
    var node = document.getElementById(id);
    node.replaceChildren.apply(node, build(content));
  }
  function act(action) { window.atlas.act(action); }
  function choose(id) {
    act({ type: 'select', id: id });
    act({ type: 'flyTo', id: id });
  }
  // A city ({id, label}) as a button that chooses it (one listener for them all, below: the list
  // has a button per city).
  function cityButton(c, attrs) {
    return el('button', Object.assign({ type: 'button', 'data-id': c.id, text: c.label }, attrs));
  }
  root.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-id]');
    if (button) choose(button.getAttribute('data-id'));
  });

  // The search box is made once (redrawing it would lose what is being typed); it asks the app's own
  // search, and its results come back with the rest of the mirror.
  var searchInput = document.getElementById('mirror-search-input');
  searchInput.addEventListener('input', function () { act({ type: 'search', query: searchInput.value }); });

  function update() {
    pending = false;
    var m = window.atlas.accessible();
    if (!m || m.error) return;
    document.documentElement.lang = m.language;
    canvas.setAttribute('aria-label', m.map);
    part('mirror-title', m.title, function (t) { return [document.createTextNode(t)]; });
    part('mirror-filters', [m.headings, m.groups, m.fields, m.regions, m.former, m.reset], function () {
      function boxes(legend, items, key) {
        return el('fieldset', {}, [el('legend', { text: legend })].concat(items.map(function (it) {
          return el('label', {}, [el('input', { type: 'checkbox', checked: it.checked, on: { change: function (e) {
            var ids = items.filter(function (x) { return x.id === it.id ? e.target.checked : x.checked; }).map(function (x) { return x.id; });
            var action = { type: 'filter' };
            action[key] = ids;
            act(action);
          } } }), document.createTextNode(' ' + it.label + ' (' + it.count + ')')]);
        })));
      }
      return [el('h2', { text: m.headings.filters }),
              boxes(m.headings.groups, m.groups, 'networks'),
              boxes(m.headings.fields, m.fields, 'fields'),
              el('fieldset', {}, [el('legend', { text: m.headings.region })].concat(m.regions.map(function (r) {
                return el('label', {}, [el('input', { type: 'radio', name: 'mirror-region', checked: r.checked,
                  on: { change: function () { act({ type: 'filter', region: r.id }); } } }), document.createTextNode(' ' + r.label)]);
              }))),
              el('label', {}, [el('input', { type: 'checkbox', checked: m.former.checked,
                on: { change: function (e) { act({ type: 'filter', includeFormer: e.target.checked }); } } }),
                document.createTextNode(' ' + m.former.label)]),
              el('button', { type: 'button', text: m.reset, on: { click: function () { act({ type: 'reset' }); } } })];
    });
    part('mirror-details', [m.headings, m.selected, m.noSelection], function () {
      var s = m.selected;
      if (!s) return [el('h2', { text: m.headings.details }), el('p', { text: m.noSelection })];
      return [el('h2', { text: m.headings.details + ': ' + s.name }), el('p', { text: s.line }),
              el('h3', { text: m.headings.designations }),
              el('ul', {}, s.designations.map(function (d) { return el('li', { text: d }); })),
              el('h3', { text: m.headings.networks }),
              el('ul', {}, s.networks.map(function (n) { return el('li', { text: n }); })),
              s.sources.length ? el('h3', { text: m.headings.sources }) : null,
              s.sources.length ? el('ul', {}, s.sources.map(function (x) {
                return el('li', {}, [el('a', { href: x.url, target: '_blank', rel: 'noopener', text: x.text })]);
              })) : null];
    });
    part('mirror-links', [m.headings.links, m.links, !!m.selected], function () {
      if (!m.selected) return [];
      return [el('h2', { text: m.headings.links + ' (' + m.links.length + ')' }),
              el('ul', {}, m.links.map(function (l) {
                return el('li', {}, [cityButton(l), document.createTextNode(' \u2014 ' + l.kind)]);
              }))];
    });
    document.getElementById('mirror-search-label').textContent = m.search.label;
    if (document.activeElement !== searchInput) searchInput.value = m.search.query;
    part('mirror-search-results', m.search, function (s) {
      if (s.none) return [el('p', { text: s.none })];
      return s.results.length ? [el('ul', {}, s.results.map(function (c) {
        return el('li', {}, [cityButton(c)]);
      }))] : [];
    });
    part('mirror-cities', [m.headings.cities, m.count, m.more, m.cities], function () {
      return [el('h2', { text: m.headings.cities }), el('p', { text: m.count }), m.more ? el('p', { text: m.more }) : null,
              el('ul', {}, m.cities.map(function (c) {
                return el('li', {}, [cityButton(c, { 'aria-pressed': c.selected ? 'true' : 'false' })]);
              }))];
    });
    // Said politely: a new selection, else a new count.
    var news = m.selected ? m.selected.announce : m.count;
    if (last.news !== undefined && last.news !== news) live.textContent = news;
    last.news = news;
  }

  Module.onMirrorChanged = function () {
    if (pending) return;
    pending = true;
    setTimeout(function () { if (window.mapReady) update(); else pending = false; }, 120);
  };
  window.atlas.accessible = function () { return Module.callApi('atlas_api_accessible'); };
})();
