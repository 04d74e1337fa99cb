// atlas.js: the maps, filters, events table and search of an atlas page.
// All data arrives through <script> tags (window.ATLAS_*): no fetch, so
// pages work from file:// as well as from a server.
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';
  var english = document.documentElement.lang === 'en';
  var dir = english ? 'ltr' : 'rtl';
  // ui translates the interface's Arabic phrases (window.ATLAS_UI).
  function ui(s) { return (window.ATLAS_UI || {})[s] || s; }
  var page = window.ATLAS_PAGE || null;
  var data = window.ATLAS_EVENTS || null;

  // window.atlasReady turns true once the page has drawn everything it
  // shows, markers that the cluster adds in chunks included, and false
  // again while a filter redraws them: tests and embedders wait for it
  // instead of guessing a delay. The start-up itself is one piece of work.
  var pending = 1;
  window.atlasReady = false;
  function working() { pending++; window.atlasReady = false; }
  function done() { if (--pending === 0) { window.atlasReady = true; } }

  // The same folding as atlas's extractor (geo/arabic): hamza and alef
  // forms, alef maqsura, taa marbuta, Persian letters, diacritics.
  function fold(s) {
    return String(s)
      .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/g, '')
      .replace(/[أإآٱٲٳ]/g, 'ا').replace(/[ىیئې]/g, 'ي').replace(/ؤ/g, 'و').replace(/ة/g, 'ه')
      .replace(/[کڪ]/g, 'ك').replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x06F0); })
      .replace(/\s+/g, ' ').trim().toLowerCase();
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // ---- filters, kept in the URL hash so a filtered view is a permalink

  function readHash() {
    var f = { types: null, gov: '', actor: '', from: '', to: '' };
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var p = kv.split('='), k = p[0], v = decodeURIComponent((p[1] || '').replace(/\+/g, ' '));
      if (k === 'type') { f.types = v ? v.split(',') : []; }
      if (k === 'gov' || k === 'actor' || k === 'from' || k === 'to') { f[k] = v; }
    });
    return f;
  }

  function writeHash(f, allTypes) {
    var parts = [];
    if (f.types && f.types.length !== allTypes.length) { parts.push('type=' + encodeURIComponent(f.types.join(','))); }
    ['gov', 'actor', 'from', 'to'].forEach(function (k) { if (f[k]) { parts.push(k + '=' + encodeURIComponent(f[k])); } });
    var h = parts.length ? '#' + parts.join('&') : '';
    if (location.hash !== h) { history.replaceState(null, '', h || location.pathname + location.search); }
  }

  function matches(f, e) {
    if (f.types && f.types.indexOf(e.type) < 0) { return false; }
    if (f.gov && e.gov !== f.gov) { return false; }
    if (f.actor && (e.actors || []).indexOf(f.actor) < 0) { return false; }
    if (f.from && (!e.date || e.date < f.from)) { return false; }
    if (f.to && (!e.date || e.date > f.to)) { return false; }
    return true;
  }

  function filterForm(onChange) {
    var form = document.getElementById('filters');
    if (!form) { return null; }
    var boxes = form.querySelectorAll('input[name=type]');
    var all = Array.prototype.map.call(boxes, function (b) { return b.value; });
    function fromForm() {
      return {
        types: Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; }),
        gov: form.gov.value, actor: form.actor.value, from: form.from.value, to: form.to.value
      };
    }
    function toForm(f) {
      Array.prototype.forEach.call(boxes, function (b) { b.checked = !f.types || f.types.indexOf(b.value) >= 0; });
      form.gov.value = f.gov; form.actor.value = f.actor; form.from.value = f.from; form.to.value = f.to;
    }
    toForm(readHash());
    form.addEventListener('change', function () { var f = fromForm(); writeHash(f, all); onChange(f); });
    window.addEventListener('hashchange', function () { toForm(readHash()); onChange(fromForm()); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    return fromForm();
  }

  function setShown(n) {
    var c = document.getElementById('shown-count');
    if (c) { c.textContent = String(n); }
  }

  // ---- maps

  function popupBox(title, en, lines, links) {
    var box = el('div', { dir: dir, 'class': 'atlas-popup' });
    box.appendChild(el('strong', {}, title));
    if (en) { box.appendChild(el('span', { 'class': 'en', dir: 'ltr', lang: 'en' }, ' ' + en)); }
    (lines || []).forEach(function (l) { box.appendChild(el('div', { 'class': 'line' }, l)); });
    (links || []).forEach(function (l) {
      var a = el('a', { href: l.href }, l.text);
      var d = el('div', { 'class': 'line' });
      d.appendChild(a);
      box.appendChild(d);
    });
    return box;
  }

  function baseMap(mapEl) {
    var map = L.map(mapEl, { zoomSnap: 0.25, scrollWheelZoom: false, minZoom: 4, maxZoom: 15 });
    map.attributionControl.addAttribution('OCHA, GeoNames, Natural Earth');
    // An online base layer, for hosted sites that ask for one; the outlines
    // stay the map, so a page read from disk or offline loses nothing.
    if (page.tiles === 'osm' && /^https?:$/.test(location.protocol)) {
      L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
        maxZoom: 15, attribution: '&copy; OpenStreetMap contributors'
      }).addTo(map);
    }
    window.atlasMap = map; // for tests and the curious
    return map;
  }

  // Syria's neighbours, for orientation (Natural Earth 1:110m via npm's
  // world-atlas, ISO 3166 numeric ids).
  var neighbours = { '792': 1, '368': 1, '400': 1, '422': 1, '376': 1, '275': 1, '196': 1, '818': 1, '682': 1 };

  function neighbourOutlines(map) {
    if (!window.ATLAS_WORLD || !window.topojson) { return; }
    var world = topojson.feature(window.ATLAS_WORLD, window.ATLAS_WORLD.objects.countries);
    L.geoJSON(world, {
      filter: function (f) { return neighbours[String(f.id)]; },
      style: { color: '#b9b2a6', weight: 0.8, fillColor: '#f3f1ec', fillOpacity: 1 },
      interactive: false
    }).addTo(map);
  }

  function outlines(map, counts, focus) {
    neighbourOutlines(map);
    var most = 0;
    Object.keys(counts || {}).forEach(function (k) { most = Math.max(most, counts[k]); });
    function shade(n) {
      if (!n) { return '#efebe3'; }
      var t = Math.sqrt(n / most);
      return t > 0.75 ? '#c96a4b' : t > 0.5 ? '#dc9474' : t > 0.25 ? '#ebbb9f' : '#f5dccb';
    }
    var layer = L.geoJSON(window.ATLAS_GOVERNORATES, {
      style: function (f) {
        var isFocus = f.properties.id === focus;
        return {
          color: isFocus ? '#7a2e1c' : '#8a8170', weight: isFocus ? 2.5 : 1,
          fillColor: counts ? shade(counts[f.properties.id]) : (isFocus ? '#f3e2c7' : '#efebe3'),
          fillOpacity: focus && !isFocus ? 0.35 : 0.85
        };
      },
      onEachFeature: function (f, l) {
        var n = counts ? counts[f.properties.id] || 0 : null;
        l.bindTooltip(f.properties.name_ar + (n !== null ? ' — ' + n : ''), { sticky: true, direction: 'auto', className: 'rtl-tip' });
      }
    }).addTo(map);
    if (focus && window.ATLAS_DISTRICTS) {
      L.geoJSON(window.ATLAS_DISTRICTS, {
        filter: function (f) { return f.properties.gov === focus; },
        style: { color: '#a8705a', weight: 0.8, dashArray: '3 3', fill: false },
        interactive: false
      }).addTo(map);
    }
    var bounds = layer.getBounds();
    if (focus) {
      layer.eachLayer(function (l) { if (l.feature.properties.id === focus) { bounds = l.getBounds(); } });
    }
    map.fitBounds(bounds, { padding: [8, 8] });
    return layer;
  }

  function legend(map, counts) {
    var c = L.control({ position: 'bottomleft' });
    c.onAdd = function () {
      var box = el('div', { 'class': 'legend', dir: dir });
      box.appendChild(el('strong', {}, ui('أنواع الأحداث')));
      data.order.forEach(function (t) {
        var row = el('div', {});
        row.appendChild(el('span', { 'class': 'swatch ' + data.classes[t], style: 'background:' + colours[data.classes[t]] }));
        row.appendChild(document.createTextNode(' ' + (english ? t : data.types[t])));
        box.appendChild(row);
      });
      var p = el('div', { 'class': 'precision' });
      p.appendChild(el('span', { 'class': 'swatch exact' }));
      p.appendChild(document.createTextNode(' ' + ui('موقع دقيق') + ' '));
      p.appendChild(el('span', { 'class': 'swatch approx' }));
      p.appendChild(document.createTextNode(' ' + ui('موقع تقريبي')));
      box.appendChild(p);
      if (counts) { box.appendChild(el('div', { 'class': 'choropleth-note' }, ui('تلوين المحافظات حسب عدد الأحداث'))); }
      return box;
    };
    c.addTo(map);
  }

  // Event colours come from atlas.css's variables, which a site may set
  // ([colors] in atlas.toml), so the map and the page always agree.
  var rootStyle = window.getComputedStyle(document.documentElement);
  function cssColour(name, fallback) {
    return rootStyle.getPropertyValue('--' + name).trim() || fallback;
  }
  var colours = {
    't-battles': cssColour('battles', '#c0392b'), 't-explosions': cssColour('explosions', '#b34700'),
    't-civilians': cssColour('civilians', '#8e44ad'), 't-strategic': cssColour('strategic', '#2471a3'),
    't-political': cssColour('political', '#117864'), 't-protests': cssColour('protests', '#565f60')
  };

  function eventsMap(mapEl) {
    var all = data.events.map(function (e) {
      return { id: e.id, type: e.t, sub: e.s, lat: e.lat, lon: e.lon, approx: e.x, gov: e.g || '', date: e.d || '',
        actors: e.a || [], dead: e.f, hurt: e.i, place: e.p, href: root + e.h, title: e.at, evidence: e.e, also: e.ae || [], conf: e.c,
        shown: e.dp || e.d || '' };
    });
    var scoped = page.focus ? all.filter(function (e) { return e.gov === page.focus; }) : all;
    var counts = {};
    all.forEach(function (e) { if (e.gov) { counts[e.gov] = (counts[e.gov] || 0) + 1; } });
    var map = baseMap(mapEl);
    outlines(map, page.focus ? null : counts, page.focus);
    legend(map, page.focus ? null : counts);
    // The cluster adds markers in chunks and reports each; its report of
    // the markers that apply asked for, all added, ends that work (it also
    // reports other loads, such as its own empty one when it is put on
    // the map).
    var adding = false, expected = 0;
    var cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40,
      chunkProgress: function (processed, total) {
        if (adding && processed === total && total === expected) { adding = false; done(); }
      }
    });
    map.addLayer(cluster);
    var markers = scoped.map(function (e) {
      var cls = data.classes[e.type];
      var m = L.circleMarker([e.lat, e.lon], {
        radius: e.approx ? 7 : 6, className: 'atlas-marker event ' + cls + (e.approx ? ' approx' : ''),
        color: e.approx ? colours[cls] : '#fff', weight: e.approx ? 2 : 1.5, dashArray: e.approx ? '2 2' : null,
        fillColor: colours[cls], fillOpacity: e.approx ? 0.35 : 0.9
      });
      var lines = [english ? e.sub : (data.subTypes[e.sub] || e.sub)];
      if (e.shown) { lines.push(e.shown); }
      if (e.dead !== undefined && e.dead !== null) { lines.push(ui('القتلى: ') + e.dead); }
      if (e.conf) { lines.push(ui('الثقة: ') + Math.round(e.conf * 100) + '%'); }
      lines.push(e.evidence);
      e.also.forEach(function (s) { lines.push('… ' + s); });
      m.bindPopup(popupBox(e.place, '', lines, [{ href: e.href, text: e.title }]));
      m.event = e;
      return m;
    });
    function apply(f) {
      cluster.clearLayers();
      var shown = markers.filter(function (m) { return matches(f, m.event); });
      expected = shown.length;
      if (!adding) { adding = true; working(); }
      cluster.addLayers(shown);
      setShown(shown.length);
      window.atlasShown = shown.length; // for tests
    }
    var f = filterForm(apply) || { types: null };
    apply(f);
  }

  function mentionsMap(mapEl) {
    var map = baseMap(mapEl);
    var layer = outlines(map, null, null);
    var byMention = {};
    var pts = [];
    (page.markers || []).forEach(function (m) {
      var mk = L.circleMarker([m.lat, m.lon], {
        radius: 5 + Math.min(9, Math.sqrt(m.n) * 2),
        className: 'atlas-marker' + (m.approx ? ' approx' : ''),
        color: m.approx ? '#b3261e' : '#fff', weight: 1.5, dashArray: m.approx ? '2 2' : null,
        fillColor: '#b3261e', fillOpacity: m.approx ? 0.4 : 0.85
      }).addTo(map);
      var lines = [];
      if (m.n) { lines.push(ui('عدد الذكر: ') + m.n); }
      mk.bindPopup(popupBox(m.name, m.en, lines, m.href && !page.place ? [{ href: m.href, text: ui('صفحة المكان') }] : []));
      (m.m || []).forEach(function (k) { byMention[k] = mk; });
      mk.on('click', function () { highlight(m.m || []); });
      pts.push([m.lat, m.lon]);
    });
    if (page.place && pts.length) {
      map.setView(pts[0], 9);
    } else if (pts.length) {
      var b = L.latLngBounds(pts);
      if (layer.getBounds().contains(b)) { map.fitBounds(b.pad(0.3), { maxZoom: 9 }); }
    }
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a.mention') : null;
      if (!a) { return; }
      var mk = byMention[a.getAttribute('data-m')];
      if (!mk) { return; }
      e.preventDefault();
      mapEl.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      map.flyTo(mk.getLatLng(), Math.max(map.getZoom(), 10), { duration: 0.6 });
      mk.openPopup();
    });
    // Arriving from a place page (#m-3): mark that mention.
    var hm = /^#m-(\d+)$/.exec(location.hash);
    if (hm) { highlight([+hm[1]]); }
  }

  // highlight marks the mentions of a marker and shows the first.
  function highlight(ids) {
    Array.prototype.forEach.call(document.querySelectorAll('a.mention.active'), function (a) { a.classList.remove('active'); });
    ids.forEach(function (k, i) {
      var a = document.getElementById('m-' + k);
      if (!a) { return; }
      a.classList.add('active');
      if (i === 0) { a.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
    });
  }

  // ---- the events table: the same filters, and sorting

  function eventsTable() {
    var table = document.getElementById('events-table');
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function rowEvent(r) {
      return { type: r.getAttribute('data-type'), gov: r.getAttribute('data-gov'), date: r.getAttribute('data-date'),
        actors: (r.getAttribute('data-actors') || '').split(' ').filter(Boolean) };
    }
    function apply(f) {
      var n = 0;
      rows.forEach(function (r) { var ok = matches(f, rowEvent(r)); r.hidden = !ok; if (ok) { n++; } });
      setShown(n);
    }
    apply(filterForm(apply) || { types: null });
    var dir = 1;
    Array.prototype.forEach.call(table.querySelectorAll('th button[data-sort]'), function (b) {
      b.addEventListener('click', function () {
        var k = b.getAttribute('data-sort');
        dir = -dir;
        rows.sort(function (x, y) {
          var a = x.getAttribute('data-' + k) || '', c = y.getAttribute('data-' + k) || '';
          if (k === 'dead') { return dir * ((+a) - (+c)); }
          return dir * a.localeCompare(c, 'ar');
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      });
    });
  }

  // ---- search, over folded titles, texts and place names

  function search() {
    var form = document.getElementById('search-form');
    var idx = window.ATLAS_SEARCH;
    if (!form || !idx) { return; }
    var input = form.q, out = document.getElementById('results');
    // A query may carry a proclitic (بدير الزور): try it as written and
    // without one.
    function variants(q) {
      var v = [q];
      var m = /^(و|ف)?(ب|ل|ك)?(.*)$/.exec(q);
      if (m && m[3] && m[3] !== q && m[3].length >= 2) { v.push(m[3]); }
      if (/^لل/.test(q)) { v.push('ال' + q.slice(2)); }
      return v;
    }
    function run() {
      var q = fold(input.value);
      out.textContent = '';
      if (q.length < 2) { return; }
      var vs = variants(q);
      function hit(text) { return vs.some(function (v) { return text.indexOf(v) >= 0; }); }
      var n = 0;
      idx.places.forEach(function (p) {
        if (n < 50 && p.k.split('|').some(function (k) { return vs.indexOf(k) >= 0 || k.indexOf(vs[vs.length - 1]) === 0; })) {
          var li = el('li', { 'class': 'place' });
          li.appendChild(el('a', { href: root + p.h }, p.n));
          li.appendChild(el('span', { 'class': 'en', lang: 'en', dir: 'ltr' }, ' ' + p.e + (p.g ? ', ' + p.g : '')));
          out.appendChild(li); n++;
        }
      });
      idx.docs.forEach(function (d) {
        if (n < 100 && hit(d.x)) {
          var li = el('li', { 'class': 'doc' });
          li.appendChild(el('a', { href: root + d.h }, d.t));
          if (d.d) { li.appendChild(el('time', { datetime: d.d }, ' ' + d.d)); }
          out.appendChild(li); n++;
        }
      });
      if (!n) { out.appendChild(el('li', { 'class': 'empty' }, ui('لا نتائج.'))); }
    }
    input.addEventListener('input', run);
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    var q = /[?&]q=([^&]*)/.exec(location.search);
    if (q) { input.value = decodeURIComponent(q[1].replace(/\+/g, ' ')); run(); }
  }

  // ---- start

  var mapEl = document.getElementById('map');
  if (mapEl && window.L && page) {
    if (page.mode === 'events' && data) { eventsMap(mapEl); } else { mentionsMap(mapEl); }
  }
  eventsTable();
  search();
  done();

  // A hosted site caches itself for offline reading; file:// cannot.
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(root + 'sw.js').catch(function () { /* offline reading is a bonus */ });
  }
}());
