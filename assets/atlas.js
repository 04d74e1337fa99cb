// atlas.js draws a page's map from the data the page carries in
// window.ATLAS_GOVERNORATES (outlines) and window.ATLAS_PAGE (markers).
// Everything arrives through <script> tags: no fetch, so pages work
// from file:// as well as from a server.
(function () {
  'use strict';
  var page = window.ATLAS_PAGE || { markers: [] };
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }

  var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
  map.attributionControl.addAttribution('OCHA, GeoNames');
  window.atlasMap = map; // for tests and the curious

  var outlines = L.geoJSON(window.ATLAS_GOVERNORATES, {
    style: function (f) {
      var focus = f.properties.id === page.focus;
      return {
        color: focus ? '#7a2e1c' : '#8a8170', weight: focus ? 2.5 : 1,
        fillColor: focus ? '#f3e2c7' : '#efebe3', fillOpacity: page.focus && !focus ? 0.35 : 0.8
      };
    },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(f.properties.name_ar, { sticky: true, direction: 'auto', className: 'rtl-tip' });
    }
  }).addTo(map);

  // District borders inside the governorate a page is about.
  if (page.focus && window.ATLAS_DISTRICTS) {
    L.geoJSON(window.ATLAS_DISTRICTS, {
      filter: function (f) { return f.properties.gov === page.focus; },
      style: { color: '#a8705a', weight: 0.8, dashArray: '3 3', fill: false },
      interactive: false
    }).addTo(map);
  }

  var bounds = outlines.getBounds();
  if (page.focus) {
    outlines.eachLayer(function (l) {
      if (l.feature.properties.id === page.focus) { bounds = l.getBounds(); }
    });
  }
  map.fitBounds(bounds, { padding: [8, 8] });

  function popup(m) {
    var box = document.createElement('div');
    box.dir = 'rtl';
    box.className = 'atlas-popup';
    var h = document.createElement('strong');
    h.textContent = m.name;
    box.appendChild(h);
    if (m.en) {
      var en = document.createElement('span');
      en.className = 'en';
      en.dir = 'ltr';
      en.textContent = ' ' + m.en;
      box.appendChild(en);
    }
    var p = document.createElement('div');
    p.className = 'count';
    p.textContent = 'عدد الذكر: ' + m.n;
    box.appendChild(p);
    if (m.a && m.a.length) {
      var ul = document.createElement('ul');
      m.a.slice(0, 8).forEach(function (l) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = l.href; // page-relative, from the site
        a.textContent = l.title;
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }

  var byMention = {};
  (page.markers || []).forEach(function (m) {
    var mk = L.circleMarker([m.lat, m.lon], {
      radius: 5 + Math.min(9, Math.sqrt(m.n) * 2),
      className: 'atlas-marker kind-' + m.kind,
      color: '#fff', weight: 1.5, fillColor: '#b3261e', fillOpacity: 0.85
    }).addTo(map);
    mk.bindPopup(popup(m));
    (m.m || []).forEach(function (k) { byMention[k] = mk; });
    mk.on('click', function () { highlight(m.m || []); });
  });

  function highlight(ids) {
    var marked = document.querySelectorAll('a.mention.active');
    Array.prototype.forEach.call(marked, function (a) { a.classList.remove('active'); });
    ids.forEach(function (k, i) {
      var a = document.getElementById('m-' + k);
      if (!a) { return; }
      a.classList.add('active');
      if (i === 0) { a.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
    });
  }

  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a.mention') : null;
    if (!a) { return; }
    var mk = byMention[a.getAttribute('data-m')];
    if (!mk) { return; }
    e.preventDefault();
    el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    map.flyTo(mk.getLatLng(), Math.max(map.getZoom(), 10), { duration: 0.6 });
    mk.openPopup();
  });
}());
