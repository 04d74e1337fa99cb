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
  // atlasReadyAt is when the page first became ready, in ms since it
  // began to load: how long a reader waits (bench/pages prints it).
  function done() {
    if (--pending === 0) {
      window.atlasReady = true;
      if (window.atlasReadyAt === undefined && window.performance) { window.atlasReadyAt = Math.round(performance.now()); }
    }
  }

  // BEGIN geo/arabic: written by `go generate ./assets` (cmd/gen-arabic-js)
  // from geo/arabic's tables. Change those and generate; do not edit here.
  //
  // FOLD_RANGES: [first, last, folded], or [first, folded] for one
  // character, for every character folding changes: folded is the string
  // each folds to ('' drops it), or a number added to its code.
  var FOLD_RANGES = [
    [0x0041, 0x005A, 32], [0x061C, ''], [0x0622, 0x0623, '\u0627'], [0x0624, '\u0648'],
    [0x0625, '\u0627'], [0x0626, '\u064A'], [0x0629, '\u0647'], [0x0640, ''],
    [0x0649, '\u064A'], [0x064B, 0x065F, ''], [0x0660, 0x0669, -1584], [0x066F, '\u0642'],
    [0x0670, ''], [0x0671, 0x0673, '\u0627'], [0x06A9, 0x06AA, '\u0643'], [0x06CC, '\u064A'],
    [0x06D0, '\u064A'], [0x06F0, 0x06F9, -1728], [0x200B, 0x200F, ''], [0x202A, 0x202E, ''],
    [0x2066, 0x2069, ''], [0xFB50, 0xFB51, '\u0627'], [0xFB52, 0xFB55, '\u067B'], [0xFB56, 0xFB59, '\u067E'],
    [0xFB5A, 0xFB5D, '\u0680'], [0xFB5E, 0xFB61, '\u067A'], [0xFB62, 0xFB65, '\u067F'], [0xFB66, 0xFB69, '\u0679'],
    [0xFB6A, 0xFB6D, '\u06A4'], [0xFB6E, 0xFB71, '\u06A6'], [0xFB72, 0xFB75, '\u0684'], [0xFB76, 0xFB79, '\u0683'],
    [0xFB7A, 0xFB7D, '\u0686'], [0xFB7E, 0xFB81, '\u0687'], [0xFB82, 0xFB83, '\u068D'], [0xFB84, 0xFB85, '\u068C'],
    [0xFB86, 0xFB87, '\u068E'], [0xFB88, 0xFB89, '\u0688'], [0xFB8A, 0xFB8B, '\u0698'], [0xFB8C, 0xFB8D, '\u0691'],
    [0xFB8E, 0xFB91, '\u0643'], [0xFB92, 0xFB95, '\u06AF'], [0xFB96, 0xFB99, '\u06B3'], [0xFB9A, 0xFB9D, '\u06B1'],
    [0xFB9E, 0xFB9F, '\u06BA'], [0xFBA0, 0xFBA3, '\u06BB'], [0xFBA4, 0xFBA5, '\u06C0'], [0xFBA6, 0xFBA9, '\u06C1'],
    [0xFBAA, 0xFBAD, '\u06BE'], [0xFBAE, 0xFBAF, '\u06D2'], [0xFBB0, 0xFBB1, '\u06D3'], [0xFBD3, 0xFBD6, '\u06AD'],
    [0xFBD7, 0xFBD8, '\u06C7'], [0xFBD9, 0xFBDA, '\u06C6'], [0xFBDB, 0xFBDC, '\u06C8'], [0xFBDD, '\u06C7\u0674'],
    [0xFBDE, 0xFBDF, '\u06CB'], [0xFBE0, 0xFBE1, '\u06C5'], [0xFBE2, 0xFBE3, '\u06C9'], [0xFBE4, 0xFBE9, '\u064A'],
    [0xFBEA, 0xFBEB, '\u064A\u0627'], [0xFBEC, 0xFBED, '\u064A\u06D5'], [0xFBEE, 0xFBEF, '\u064A\u0648'], [0xFBF0, 0xFBF1, '\u064A\u06C7'],
    [0xFBF2, 0xFBF3, '\u064A\u06C6'], [0xFBF4, 0xFBF5, '\u064A\u06C8'], [0xFBF6, 0xFBFB, '\u064A\u064A'], [0xFBFC, 0xFBFF, '\u064A'],
    [0xFC00, '\u064A\u062C'], [0xFC01, '\u064A\u062D'], [0xFC02, '\u064A\u0645'], [0xFC03, 0xFC04, '\u064A\u064A'],
    [0xFC05, '\u0628\u062C'], [0xFC06, '\u0628\u062D'], [0xFC07, '\u0628\u062E'], [0xFC08, '\u0628\u0645'],
    [0xFC09, 0xFC0A, '\u0628\u064A'], [0xFC0B, '\u062A\u062C'], [0xFC0C, '\u062A\u062D'], [0xFC0D, '\u062A\u062E'],
    [0xFC0E, '\u062A\u0645'], [0xFC0F, 0xFC10, '\u062A\u064A'], [0xFC11, '\u062B\u062C'], [0xFC12, '\u062B\u0645'],
    [0xFC13, 0xFC14, '\u062B\u064A'], [0xFC15, '\u062C\u062D'], [0xFC16, '\u062C\u0645'], [0xFC17, '\u062D\u062C'],
    [0xFC18, '\u062D\u0645'], [0xFC19, '\u062E\u062C'], [0xFC1A, '\u062E\u062D'], [0xFC1B, '\u062E\u0645'],
    [0xFC1C, '\u0633\u062C'], [0xFC1D, '\u0633\u062D'], [0xFC1E, '\u0633\u062E'], [0xFC1F, '\u0633\u0645'],
    [0xFC20, '\u0635\u062D'], [0xFC21, '\u0635\u0645'], [0xFC22, '\u0636\u062C'], [0xFC23, '\u0636\u062D'],
    [0xFC24, '\u0636\u062E'], [0xFC25, '\u0636\u0645'], [0xFC26, '\u0637\u062D'], [0xFC27, '\u0637\u0645'],
    [0xFC28, '\u0638\u0645'], [0xFC29, '\u0639\u062C'], [0xFC2A, '\u0639\u0645'], [0xFC2B, '\u063A\u062C'],
    [0xFC2C, '\u063A\u0645'], [0xFC2D, '\u0641\u062C'], [0xFC2E, '\u0641\u062D'], [0xFC2F, '\u0641\u062E'],
    [0xFC30, '\u0641\u0645'], [0xFC31, 0xFC32, '\u0641\u064A'], [0xFC33, '\u0642\u062D'], [0xFC34, '\u0642\u0645'],
    [0xFC35, 0xFC36, '\u0642\u064A'], [0xFC37, '\u0643\u0627'], [0xFC38, '\u0643\u062C'], [0xFC39, '\u0643\u062D'],
    [0xFC3A, '\u0643\u062E'], [0xFC3B, '\u0643\u0644'], [0xFC3C, '\u0643\u0645'], [0xFC3D, 0xFC3E, '\u0643\u064A'],
    [0xFC3F, '\u0644\u062C'], [0xFC40, '\u0644\u062D'], [0xFC41, '\u0644\u062E'], [0xFC42, '\u0644\u0645'],
    [0xFC43, 0xFC44, '\u0644\u064A'], [0xFC45, '\u0645\u062C'], [0xFC46, '\u0645\u062D'], [0xFC47, '\u0645\u062E'],
    [0xFC48, '\u0645\u0645'], [0xFC49, 0xFC4A, '\u0645\u064A'], [0xFC4B, '\u0646\u062C'], [0xFC4C, '\u0646\u062D'],
    [0xFC4D, '\u0646\u062E'], [0xFC4E, '\u0646\u0645'], [0xFC4F, 0xFC50, '\u0646\u064A'], [0xFC51, '\u0647\u062C'],
    [0xFC52, '\u0647\u0645'], [0xFC53, 0xFC54, '\u0647\u064A'], [0xFC55, '\u064A\u062C'], [0xFC56, '\u064A\u062D'],
    [0xFC57, '\u064A\u062E'], [0xFC58, '\u064A\u0645'], [0xFC59, 0xFC5A, '\u064A\u064A'], [0xFC5B, 0xFC5C, -63019],
    [0xFC5D, '\u064A'], [0xFC64, '\u064A\u0631'], [0xFC65, '\u064A\u0632'], [0xFC66, '\u064A\u0645'],
    [0xFC67, '\u064A\u0646'], [0xFC68, 0xFC69, '\u064A\u064A'], [0xFC6A, '\u0628\u0631'], [0xFC6B, '\u0628\u0632'],
    [0xFC6C, '\u0628\u0645'], [0xFC6D, '\u0628\u0646'], [0xFC6E, 0xFC6F, '\u0628\u064A'], [0xFC70, '\u062A\u0631'],
    [0xFC71, '\u062A\u0632'], [0xFC72, '\u062A\u0645'], [0xFC73, '\u062A\u0646'], [0xFC74, 0xFC75, '\u062A\u064A'],
    [0xFC76, '\u062B\u0631'], [0xFC77, '\u062B\u0632'], [0xFC78, '\u062B\u0645'], [0xFC79, '\u062B\u0646'],
    [0xFC7A, 0xFC7B, '\u062B\u064A'], [0xFC7C, 0xFC7D, '\u0641\u064A'], [0xFC7E, 0xFC7F, '\u0642\u064A'], [0xFC80, '\u0643\u0627'],
    [0xFC81, '\u0643\u0644'], [0xFC82, '\u0643\u0645'], [0xFC83, 0xFC84, '\u0643\u064A'], [0xFC85, '\u0644\u0645'],
    [0xFC86, 0xFC87, '\u0644\u064A'], [0xFC88, '\u0645\u0627'], [0xFC89, '\u0645\u0645'], [0xFC8A, '\u0646\u0631'],
    [0xFC8B, '\u0646\u0632'], [0xFC8C, '\u0646\u0645'], [0xFC8D, '\u0646\u0646'], [0xFC8E, 0xFC8F, '\u0646\u064A'],
    [0xFC90, '\u064A'], [0xFC91, '\u064A\u0631'], [0xFC92, '\u064A\u0632'], [0xFC93, '\u064A\u0645'],
    [0xFC94, '\u064A\u0646'], [0xFC95, 0xFC96, '\u064A\u064A'], [0xFC97, '\u064A\u062C'], [0xFC98, '\u064A\u062D'],
    [0xFC99, '\u064A\u062E'], [0xFC9A, '\u064A\u0645'], [0xFC9B, '\u064A\u0647'], [0xFC9C, '\u0628\u062C'],
    [0xFC9D, '\u0628\u062D'], [0xFC9E, '\u0628\u062E'], [0xFC9F, '\u0628\u0645'], [0xFCA0, '\u0628\u0647'],
    [0xFCA1, '\u062A\u062C'], [0xFCA2, '\u062A\u062D'], [0xFCA3, '\u062A\u062E'], [0xFCA4, '\u062A\u0645'],
    [0xFCA5, '\u062A\u0647'], [0xFCA6, '\u062B\u0645'], [0xFCA7, '\u062C\u062D'], [0xFCA8, '\u062C\u0645'],
    [0xFCA9, '\u062D\u062C'], [0xFCAA, '\u062D\u0645'], [0xFCAB, '\u062E\u062C'], [0xFCAC, '\u062E\u0645'],
    [0xFCAD, '\u0633\u062C'], [0xFCAE, '\u0633\u062D'], [0xFCAF, '\u0633\u062E'], [0xFCB0, '\u0633\u0645'],
    [0xFCB1, '\u0635\u062D'], [0xFCB2, '\u0635\u062E'], [0xFCB3, '\u0635\u0645'], [0xFCB4, '\u0636\u062C'],
    [0xFCB5, '\u0636\u062D'], [0xFCB6, '\u0636\u062E'], [0xFCB7, '\u0636\u0645'], [0xFCB8, '\u0637\u062D'],
    [0xFCB9, '\u0638\u0645'], [0xFCBA, '\u0639\u062C'], [0xFCBB, '\u0639\u0645'], [0xFCBC, '\u063A\u062C'],
    [0xFCBD, '\u063A\u0645'], [0xFCBE, '\u0641\u062C'], [0xFCBF, '\u0641\u062D'], [0xFCC0, '\u0641\u062E'],
    [0xFCC1, '\u0641\u0645'], [0xFCC2, '\u0642\u062D'], [0xFCC3, '\u0642\u0645'], [0xFCC4, '\u0643\u062C'],
    [0xFCC5, '\u0643\u062D'], [0xFCC6, '\u0643\u062E'], [0xFCC7, '\u0643\u0644'], [0xFCC8, '\u0643\u0645'],
    [0xFCC9, '\u0644\u062C'], [0xFCCA, '\u0644\u062D'], [0xFCCB, '\u0644\u062E'], [0xFCCC, '\u0644\u0645'],
    [0xFCCD, '\u0644\u0647'], [0xFCCE, '\u0645\u062C'], [0xFCCF, '\u0645\u062D'], [0xFCD0, '\u0645\u062E'],
    [0xFCD1, '\u0645\u0645'], [0xFCD2, '\u0646\u062C'], [0xFCD3, '\u0646\u062D'], [0xFCD4, '\u0646\u062E'],
    [0xFCD5, '\u0646\u0645'], [0xFCD6, '\u0646\u0647'], [0xFCD7, '\u0647\u062C'], [0xFCD8, '\u0647\u0645'],
    [0xFCD9, '\u0647'], [0xFCDA, '\u064A\u062C'], [0xFCDB, '\u064A\u062D'], [0xFCDC, '\u064A\u062E'],
    [0xFCDD, '\u064A\u0645'], [0xFCDE, '\u064A\u0647'], [0xFCDF, '\u064A\u0645'], [0xFCE0, '\u064A\u0647'],
    [0xFCE1, '\u0628\u0645'], [0xFCE2, '\u0628\u0647'], [0xFCE3, '\u062A\u0645'], [0xFCE4, '\u062A\u0647'],
    [0xFCE5, '\u062B\u0645'], [0xFCE6, '\u062B\u0647'], [0xFCE7, '\u0633\u0645'], [0xFCE8, '\u0633\u0647'],
    [0xFCE9, '\u0634\u0645'], [0xFCEA, '\u0634\u0647'], [0xFCEB, '\u0643\u0644'], [0xFCEC, '\u0643\u0645'],
    [0xFCED, '\u0644\u0645'], [0xFCEE, '\u0646\u0645'], [0xFCEF, '\u0646\u0647'], [0xFCF0, '\u064A\u0645'],
    [0xFCF1, '\u064A\u0647'], [0xFCF5, 0xFCF6, '\u0637\u064A'], [0xFCF7, 0xFCF8, '\u0639\u064A'], [0xFCF9, 0xFCFA, '\u063A\u064A'],
    [0xFCFB, 0xFCFC, '\u0633\u064A'], [0xFCFD, 0xFCFE, '\u0634\u064A'], [0xFCFF, 0xFD00, '\u062D\u064A'], [0xFD01, 0xFD02, '\u062C\u064A'],
    [0xFD03, 0xFD04, '\u062E\u064A'], [0xFD05, 0xFD06, '\u0635\u064A'], [0xFD07, 0xFD08, '\u0636\u064A'], [0xFD09, '\u0634\u062C'],
    [0xFD0A, '\u0634\u062D'], [0xFD0B, '\u0634\u062E'], [0xFD0C, '\u0634\u0645'], [0xFD0D, '\u0634\u0631'],
    [0xFD0E, '\u0633\u0631'], [0xFD0F, '\u0635\u0631'], [0xFD10, '\u0636\u0631'], [0xFD11, 0xFD12, '\u0637\u064A'],
    [0xFD13, 0xFD14, '\u0639\u064A'], [0xFD15, 0xFD16, '\u063A\u064A'], [0xFD17, 0xFD18, '\u0633\u064A'], [0xFD19, 0xFD1A, '\u0634\u064A'],
    [0xFD1B, 0xFD1C, '\u062D\u064A'], [0xFD1D, 0xFD1E, '\u062C\u064A'], [0xFD1F, 0xFD20, '\u062E\u064A'], [0xFD21, 0xFD22, '\u0635\u064A'],
    [0xFD23, 0xFD24, '\u0636\u064A'], [0xFD25, '\u0634\u062C'], [0xFD26, '\u0634\u062D'], [0xFD27, '\u0634\u062E'],
    [0xFD28, '\u0634\u0645'], [0xFD29, '\u0634\u0631'], [0xFD2A, '\u0633\u0631'], [0xFD2B, '\u0635\u0631'],
    [0xFD2C, '\u0636\u0631'], [0xFD2D, '\u0634\u062C'], [0xFD2E, '\u0634\u062D'], [0xFD2F, '\u0634\u062E'],
    [0xFD30, '\u0634\u0645'], [0xFD31, '\u0633\u0647'], [0xFD32, '\u0634\u0647'], [0xFD33, '\u0637\u0645'],
    [0xFD34, '\u0633\u062C'], [0xFD35, '\u0633\u062D'], [0xFD36, '\u0633\u062E'], [0xFD37, '\u0634\u062C'],
    [0xFD38, '\u0634\u062D'], [0xFD39, '\u0634\u062E'], [0xFD3A, '\u0637\u0645'], [0xFD3B, '\u0638\u0645'],
    [0xFD3C, 0xFD3D, '\u0627'], [0xFE70, 0xFE72, ''], [0xFE74, ''], [0xFE76, 0xFE7F, ''],
    [0xFE80, '\u0621'], [0xFE81, 0xFE84, '\u0627'], [0xFE85, 0xFE86, '\u0648'], [0xFE87, 0xFE88, '\u0627'],
    [0xFE89, 0xFE8C, '\u064A'], [0xFE8D, 0xFE8E, '\u0627'], [0xFE8F, 0xFE92, '\u0628'], [0xFE93, 0xFE94, '\u0647'],
    [0xFE95, 0xFE98, '\u062A'], [0xFE99, 0xFE9C, '\u062B'], [0xFE9D, 0xFEA0, '\u062C'], [0xFEA1, 0xFEA4, '\u062D'],
    [0xFEA5, 0xFEA8, '\u062E'], [0xFEA9, 0xFEAA, '\u062F'], [0xFEAB, 0xFEAC, '\u0630'], [0xFEAD, 0xFEAE, '\u0631'],
    [0xFEAF, 0xFEB0, '\u0632'], [0xFEB1, 0xFEB4, '\u0633'], [0xFEB5, 0xFEB8, '\u0634'], [0xFEB9, 0xFEBC, '\u0635'],
    [0xFEBD, 0xFEC0, '\u0636'], [0xFEC1, 0xFEC4, '\u0637'], [0xFEC5, 0xFEC8, '\u0638'], [0xFEC9, 0xFECC, '\u0639'],
    [0xFECD, 0xFED0, '\u063A'], [0xFED1, 0xFED4, '\u0641'], [0xFED5, 0xFED8, '\u0642'], [0xFED9, 0xFEDC, '\u0643'],
    [0xFEDD, 0xFEE0, '\u0644'], [0xFEE1, 0xFEE4, '\u0645'], [0xFEE5, 0xFEE8, '\u0646'], [0xFEE9, 0xFEEC, '\u0647'],
    [0xFEED, 0xFEEE, '\u0648'], [0xFEEF, 0xFEF4, '\u064A'], [0xFEF5, 0xFEFC, '\u0644\u0627'], [0xFEFF, '']
  ];
  // SPACE: the characters that separate words.
  var SPACE = '\u0009\u000A\u000B\u000C\u000D \u00A0\u2009\u202F\u3000';
  // PROCLITICS: [form, whether its ل drops the article's alef (للرقة)],
  // shortest first.
  var PROCLITICS = [
    ['\u0648', false], ['\u0641', false], ['\u0628', false], ['\u0644', true],
    ['\u0643', false], ['\u0648\u0628', false], ['\u0648\u0644', true], ['\u0648\u0643', false],
    ['\u0641\u0628', false], ['\u0641\u0644', true], ['\u0641\u0643', false],
  ];
  // END geo/arabic

  // FOLD maps each character folding changes to what it folds to.
  var FOLD = {};
  FOLD_RANGES.forEach(function (g) {
    var last = g[g.length - 2], to = g[g.length - 1];
    for (var c = g[0]; c <= last; c++) {
      FOLD[String.fromCharCode(c)] = typeof to === 'number' ? String.fromCharCode(c + to) : to;
    }
  });

  // fold is geo/arabic's Fold over its tables: hamza and alef forms, alef
  // maqsura, taa marbuta, Persian letters, presentation forms and digits
  // fold, diacritics and invisible marks go, runs of spaces are one.
  // Latin is lower-cased beyond ASCII too, as the index keys English
  // place names (strings.ToLower).
  function fold(s) {
    s = String(s);
    var out = '', space = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (SPACE.indexOf(c) >= 0) { space = out.length > 0; continue; }
      var f = Object.prototype.hasOwnProperty.call(FOLD, c) ? FOLD[c] : c;
      if (f === '') { continue; }
      if (space) { out += ' '; space = false; }
      out += f;
    }
    return out.toLowerCase();
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
    // Links to the events table carry the filters (the period too), so
    // the table shows what the map did.
    Array.prototype.forEach.call(document.querySelectorAll('a[data-keeps-filters]'), function (a) {
      a.setAttribute('href', a.getAttribute('href').split('#')[0] + h);
    });
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
    // A governorate page's form has only the period: what it lacks does
    // not filter.
    function value(name) { return form[name] ? form[name].value : ''; }
    function fromForm() {
      return {
        types: boxes.length ? Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; }) : null,
        gov: value('gov'), actor: value('actor'), from: value('from'), to: value('to')
      };
    }
    function toForm(f) {
      Array.prototype.forEach.call(boxes, function (b) { b.checked = !f.types || f.types.indexOf(b.value) >= 0; });
      ['gov', 'actor', 'from', 'to'].forEach(function (k) { if (form[k]) { form[k].value = f[k]; } });
    }
    toForm(readHash());
    writeHash(fromForm(), all); // a permalink's filters reach the links too
    form.addEventListener('change', function () { var f = fromForm(); writeHash(f, all); onChange(f); });
    window.addEventListener('hashchange', function () { toForm(readHash()); onChange(fromForm()); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    return fromForm();
  }

  // pluralSlot is site/plural.go's: CLDR's plural category of n in
  // Arabic, an index into a counted noun's six forms (window.ATLAS_COUNTS,
  // written by the build in the interface's language).
  function pluralSlot(n) {
    n = Math.abs(n);
    var r = n % 100;
    if (n === 0) { return 0; }
    if (n === 1) { return 1; }
    if (n === 2) { return 2; }
    if (r >= 3 && r <= 10) { return 3; }
    if (r >= 11 && r <= 99) { return 4; }
    return 5;
  }
  function count(n, noun) {
    var forms = (window.ATLAS_COUNTS || {})[noun];
    return forms ? forms[pluralSlot(n)].replace('%d', String(n)) : String(n);
  }
  window.atlasCount = count; // for tests

  function setShown(n) {
    var c = document.getElementById('shown-count');
    if (c) { c.textContent = count(n, 'event'); c.setAttribute('data-n', String(n)); }
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
  // world-atlas, ISO 3166 numeric ids), with their alpha-2 codes.
  var neighbours = { '792': 'TR', '368': 'IQ', '400': 'JO', '422': 'LB', '376': 'IL', '275': 'PS', '196': 'CY', '818': 'EG', '682': 'SA' };

  // nearSyria is where a neighbour's name goes: the middle of its part
  // within a degree of Syria, sampled on a grid (the gazetteer's point of
  // Turkey is in Anatolia, off every atlas map). Keyed by alpha-2 code.
  var nearSyriaCache = null;
  function nearSyria() {
    if (nearSyriaCache || !window.ATLAS_WORLD || !window.topojson || !window.ATLAS_GOVERNORATES) { return nearSyriaCache || {}; }
    nearSyriaCache = {};
    var box = L.geoJSON(window.ATLAS_GOVERNORATES).getBounds().pad(0.15);
    var world = topojson.feature(window.ATLAS_WORLD, window.ATLAS_WORLD.objects.countries);
    world.features.forEach(function (f) {
      var code = neighbours[String(f.id)];
      if (!code || !f.geometry) { return; }
      var polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      var sx = 0, sy = 0, n = 0;
      for (var lat = box.getSouth(); lat <= box.getNorth(); lat += 0.2) {
        for (var lon = box.getWest(); lon <= box.getEast(); lon += 0.2) {
          if (polys.some(function (p) { return inRing(p[0], lon, lat); })) { sx += lon; sy += lat; n++; }
        }
      }
      if (n > 4) { nearSyriaCache[code] = L.latLng(sy / n, sx / n); }
    });
    return nearSyriaCache;
  }

  // inRing: whether (x, y) is inside a ring of [lon, lat] (even-odd rule).
  function inRing(ring, x, y) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i], b = ring[j];
      if ((a[1] > y) !== (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) { inside = !inside; }
    }
    return inside;
  }

  function neighbourOutlines(map) {
    if (!window.ATLAS_WORLD || !window.topojson) { return; }
    var world = topojson.feature(window.ATLAS_WORLD, window.ATLAS_WORLD.objects.countries);
    L.geoJSON(world, {
      filter: function (f) { return neighbours[String(f.id)]; },
      style: { color: '#b9b2a6', weight: 0.8, fillColor: '#f3f1ec', fillOpacity: 1 },
      interactive: false
    }).addTo(map);
  }

  // ---- names on the map, from data/basemap.js: the base layer that works
  // offline. Labels come most important first; at each zoom a label
  // shows when its zoom is reached and it fits without overlapping one
  // shown before it. Governorate names always show: they are the map's
  // frame.

  var labelFont = {
    g: '700 13px', c: 'italic 400 13px', d: '400 11px', t: '700 12px', v: '400 11px'
  };
  var measure = null;
  function labelWidth(it) {
    if (it.w === undefined) {
      measure = measure || document.createElement('canvas').getContext('2d');
      measure.font = labelFont[it.kind] + ' "Noto Naskh Arabic", Tahoma, sans-serif';
      it.w = Math.ceil(measure.measureText(it.name).width) + 6;
    }
    return it.w;
  }

  function placeLabels(map) {
    var src = window.ATLAS_BASEMAP;
    if (!src || !src.labels) { return; }
    var pane = map.createPane('labels');
    pane.style.zIndex = 450; // over the outlines, under popups
    pane.style.pointerEvents = 'none';
    var moved = nearSyria();
    var items = src.labels.map(function (l) {
      return { kind: l[0], at: moved[l[5]] || L.latLng(l[1], l[2]), zoom: l[3], name: l[4], marker: null };
    });
    function box(it, p) {
      var w = labelWidth(it), h = it.kind === 'g' || it.kind === 'c' ? 18 : 16;
      // Towns and villages: the name sits above a dot at the point.
      if (it.kind === 't' || it.kind === 'v') { return [p.x - w / 2, p.y - h - 3, p.x + w / 2, p.y + 3]; }
      return [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
    }
    function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
    function layout() {
      var z = map.getZoom(), size = map.getSize(), taken = [];
      map.getContainer().classList.toggle('zoomed-out', z < 6.5);
      items.forEach(function (it) {
        var show = false;
        if (z >= it.zoom) {
          var p = map.latLngToContainerPoint(it.at);
          if (p.x > -50 && p.y > -20 && p.x < size.x + 50 && p.y < size.y + 20) {
            var b = box(it, p);
            show = it.kind === 'g' || !taken.some(function (t) { return overlaps(t, b); });
            if (show) { taken.push(b); }
          }
        }
        if (show && !it.marker) {
          var text = el('span', {}, it.name);
          it.marker = L.marker(it.at, {
            pane: 'labels', interactive: false, keyboard: false,
            icon: L.divIcon({ className: 'place-label k-' + it.kind, html: text, iconSize: null })
          }).addTo(map);
        } else if (!show && it.marker) {
          map.removeLayer(it.marker);
          it.marker = null;
        }
      });
    }
    map.on('zoomend moveend resize', layout);
    map.whenReady(layout);
  }

  // The shading's four classes: a governorate's share of the most
  // events any has, square-rooted so that few events still show.
  var SHADES = ['#f5dccb', '#ebbb9f', '#dc9474', '#c96a4b'];
  function shadeClass(n, most) {
    var t = Math.sqrt(n / most);
    return t > 0.75 ? 3 : t > 0.5 ? 2 : t > 0.25 ? 1 : 0;
  }
  // shadeBounds are the least count of each class, for the legend.
  function shadeBounds(most) {
    return [0.25, 0.5, 0.75].map(function (t) { return Math.floor(t * t * most) + 1; });
  }

  // outlines draws the governorates. With counts, they are shaded by
  // them; layer.setCounts shades them again as filters change. onPick,
  // when given, is called with the id of a governorate clicked.
  function outlines(map, counts, focus, onPick) {
    neighbourOutlines(map);
    var most = 0;
    function setMost() {
      most = 0;
      Object.keys(counts || {}).forEach(function (k) { most = Math.max(most, counts[k]); });
    }
    setMost();
    var picked = '';
    function style(f) {
      var id = f.properties.id, isFocus = id === focus || id === picked, n = counts ? counts[id] || 0 : 0;
      return {
        color: isFocus ? '#7a2e1c' : '#8a8170', weight: isFocus ? 2.5 : 1,
        fillColor: counts ? (n ? SHADES[shadeClass(n, most)] : '#efebe3') : (isFocus ? '#f3e2c7' : '#efebe3'),
        fillOpacity: focus && !isFocus ? 0.35 : 0.85
      };
    }
    var layer = L.geoJSON(window.ATLAS_GOVERNORATES, {
      style: style,
      onEachFeature: function (f, l) {
        var name = english ? f.properties.name_en : f.properties.name_ar;
        l.bindTooltip(function () {
          return counts ? name + ' — ' + count(counts[f.properties.id] || 0, 'event') : name;
        }, { sticky: true, direction: 'auto', className: 'rtl-tip' });
        if (onPick) { l.on('click', function () { onPick(f.properties.id); }); }
      }
    }).addTo(map);
    layer.setCounts = function (c, gov) {
      counts = c; picked = gov || '';
      setMost();
      layer.setStyle(style);
      layer.most = most;
    };
    layer.most = most;
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
    layer.syria = layer.getBounds();
    placeLabels(map);
    return layer;
  }

  function legend(map, counts) {
    var c = L.control({ position: 'bottomleft' });
    c.onAdd = function () {
      // A disclosure, closed on narrow maps: open, the legend covered
      // the south-west of Syria on a phone.
      var box = el('details', { 'class': 'legend', dir: dir });
      box.open = map.getSize().x > 600;
      box.appendChild(el('summary', {}, ui('أنواع الأحداث')));
      L.DomEvent.disableClickPropagation(box);
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
      if (counts) {
        box.appendChild(el('div', { 'class': 'choropleth-note' }, ui('تلوين المحافظات حسب عدد الأحداث')));
        c.scale = el('div', { 'class': 'scale' });
        box.appendChild(c.scale);
      }
      return box;
    };
    c.addTo(map);
    // setScale writes the shading's classes for the largest count shown.
    c.setScale = function (most) {
      if (!c.scale) { return; }
      c.scale.textContent = '';
      if (!most) { c.scale.appendChild(el('span', {}, ui('لا أحداث'))); return; }
      var lo = shadeBounds(most), from = [1, lo[0], lo[1], lo[2]];
      SHADES.forEach(function (colour, i) {
        var to = i < 3 ? lo[i] - 1 : most;
        if (to < from[i]) { return; }
        var row = el('span', { 'class': 'step' });
        row.appendChild(el('span', { 'class': 'swatch', style: 'background:' + colour }));
        row.appendChild(document.createTextNode(' '));
        row.appendChild(el('bdi', { dir: 'ltr' }, from[i] === to ? String(to) : from[i] + '–' + to));
        c.scale.appendChild(row);
      });
    };
    return c;
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
    var form = document.getElementById('filters');
    var map = baseMap(mapEl);
    // Clicking a governorate filters to it (again: to all).
    function pick(id) {
      if (!form || !form.gov) { return; }
      form.gov.value = form.gov.value === id ? '' : id;
      form.dispatchEvent(new Event('change'));
    }
    var shading = outlines(map, page.focus ? null : {}, page.focus, page.focus ? null : pick);
    var key = legend(map, page.focus ? null : {});
    var zoomedTo = '';
    // The cluster adds markers in chunks and reports each; its report of
    // the markers that apply asked for, all added, ends that work (it also
    // reports other loads, such as its own empty one when it is put on
    // the map).
    var adding = false, expected = 0;
    var cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 40, iconCreateFunction: clusterIcon,
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
    var bar = null;
    function apply(f) {
      cluster.clearLayers();
      var shown = markers.filter(function (m) { return matches(f, m.event); });
      expected = shown.length;
      if (!adding) { adding = true; working(); }
      cluster.addLayers(shown);
      setShown(shown.length);
      window.atlasShown = shown.length; // for tests
      // The shading counts what the filters show, every governorate's
      // (the one picked is outlined, not alone).
      if (!page.focus) {
        var counts = {}, others = { types: f.types, actor: f.actor, from: f.from, to: f.to };
        all.forEach(function (e) { if (e.gov && matches(others, e)) { counts[e.gov] = (counts[e.gov] || 0) + 1; } });
        shading.setCounts(counts, f.gov);
        key.setScale(shading.most);
        window.atlasShading = counts; // for tests
      }
      if (!page.focus && f.gov !== zoomedTo) {
        zoomedTo = f.gov;
        var target = shading.syria;
        shading.eachLayer(function (l) { if (l.feature.properties.id === f.gov) { target = l.getBounds(); } });
        // The zoom is part of the redraw: the page is not ready until it
        // ends.
        working();
        map.once('moveend', done);
        map.fitBounds(target, { padding: [8, 8] });
      }
      if (bar) { bar.update(f); }
    }
    var f = filterForm(apply) || { types: null };
    bar = timeBar(mapEl, scoped, form);
    apply(f);
  }

  // clusterIcon draws a cluster as a pie of the types of its events.
  function clusterIcon(c) {
    var byType = {}, n = 0;
    c.getAllChildMarkers().forEach(function (m) {
      var t = m.event ? m.event.type : '';
      byType[t] = (byType[t] || 0) + 1; n++;
    });
    var stops = [], at = 0;
    (data ? data.order : []).forEach(function (t) {
      if (!byType[t]) { return; }
      var to = at + byType[t] / n * 360;
      stops.push(colours[data.classes[t]] + ' ' + at.toFixed(1) + 'deg ' + to.toFixed(1) + 'deg');
      at = to;
    });
    var size = n < 10 ? 30 : n < 100 ? 36 : 44;
    var html = el('div', { style: 'background: conic-gradient(' + (stops.join(', ') || '#888 0deg 360deg') + ')' });
    html.appendChild(el('span', {}, String(n)));
    return L.divIcon({ html: html, className: 'marker-cluster atlas-cluster', iconSize: L.point(size, size) });
  }

  // ---- the time bar: events over time, stacked by type; a period chosen
  // by dragging over it, by two sliders or by quick ranges; and a play
  // button that steps the period through the archive. It writes the
  // period into the filter form's dates, so the map, counts, shading,
  // table and permalink all follow.

  var DAY = 86400000;
  function dayOf(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
  function dateOf(t) { return new Date(t).toISOString().slice(0, 10); }

  // bins cuts [first, last] (days since the epoch, in ms) into days,
  // weeks or months, whichever gives at most about 120 bars.
  function bins(first, last) {
    var out = [], span = (last - first) / DAY + 1, t, d;
    if (span <= 120) {
      for (t = first; t <= last; t += DAY) { out.push([t, t]); }
    } else if (span <= 840) {
      for (t = first; t <= last; t += 7 * DAY) { out.push([t, Math.min(last, t + 6 * DAY)]); }
    } else {
      d = new Date(first);
      var y = d.getUTCFullYear(), m = d.getUTCMonth();
      for (t = Date.UTC(y, m, 1); t <= last; t = Date.UTC(y, ++m, 1)) { out.push([t, Date.UTC(y, m + 1, 1) - DAY]); }
    }
    return out;
  }

  function timeBar(mapEl, events, form) {
    if (!form || !form.from || !form.to) { return null; }
    var dated = events.filter(function (e) { return e.date; });
    if (dated.length < 2) { return null; }
    var first = Infinity, last = -Infinity;
    dated.forEach(function (e) { var t = dayOf(e.date); e.day = t; first = Math.min(first, t); last = Math.max(last, t); });
    if (first === last) { return null; }
    var cut = bins(first, last), n = cut.length;
    function binOf(t) {
      for (var i = 0; i < n; i++) { if (t <= cut[i][1]) { return i; } }
      return n - 1;
    }
    dated.forEach(function (e) { e.bin = binOf(e.day); });

    var box = el('div', { 'class': 'timebar', role: 'group', 'aria-label': ui('الفترة'), dir: 'ltr' });
    var W = 600, H = 64;
    var svgNS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('class', 'histogram');
    svg.setAttribute('aria-hidden', 'true');
    box.appendChild(svg);
    var sliders = el('div', { 'class': 'sliders' });
    function slider(label, v) {
      var l = el('label', {});
      l.appendChild(el('span', { dir: dir }, label + ' '));
      var r = el('input', { type: 'range', min: '0', max: String(n - 1), step: '1', value: String(v) });
      l.appendChild(r);
      sliders.appendChild(l);
      return r;
    }
    var fromR = slider(ui('بداية الفترة'), 0), toR = slider(ui('نهاية الفترة'), n - 1);
    box.appendChild(sliders);
    var tools = el('div', { 'class': 'tools', dir: dir });
    var play = el('button', { type: 'button', 'class': 'play', 'aria-pressed': 'false' }, ui('تشغيل'));
    tools.appendChild(play);
    [[7, 'آخر 7 أيام'], [30, 'آخر 30 يومًا'], [365, 'آخر سنة'], [0, 'كل الفترة']].forEach(function (q) {
      var b = el('button', { type: 'button', 'data-days': String(q[0]) }, ui(q[1]));
      b.addEventListener('click', function () {
        stop();
        if (!q[0]) { setPeriod('', ''); return; }
        setPeriod(dateOf(Math.max(first, last - (q[0] - 1) * DAY)), dateOf(last));
      });
      tools.appendChild(b);
    });
    var caption = el('span', { 'class': 'period', 'aria-live': 'polite' });
    tools.appendChild(caption);
    box.appendChild(tools);
    mapEl.parentNode.insertBefore(box, mapEl);

    var sel = [0, n - 1];
    // setPeriod writes a period into the form, which filters everything.
    function setPeriod(from, to) {
      form.from.value = from; form.to.value = to;
      form.dispatchEvent(new Event('change'));
    }
    function setBins(a, b) {
      if (a > b) { var t = a; a = b; b = t; }
      if (a === 0 && b === n - 1) { setPeriod('', ''); return; }
      setPeriod(dateOf(cut[a][0]), dateOf(Math.min(cut[b][1], last)));
    }
    function label(i, end) { return dateOf(end ? Math.min(cut[i][1], last) : cut[i][0]); }
    function draw(f) {
      var counts = [], most = 0, others = { types: f.types, gov: f.gov, actor: f.actor };
      for (var i = 0; i < n; i++) { counts.push({}); }
      dated.forEach(function (e) {
        if (!matches(others, e)) { return; }
        var c = counts[e.bin];
        c[e.type] = (c[e.type] || 0) + 1;
        c.all = (c.all || 0) + 1;
        most = Math.max(most, c.all);
      });
      while (svg.firstChild) { svg.removeChild(svg.firstChild); }
      var bw = W / n;
      var shade = document.createElementNS(svgNS, 'rect');
      shade.setAttribute('class', 'selection');
      shade.setAttribute('x', String(sel[0] * bw));
      shade.setAttribute('width', String((sel[1] - sel[0] + 1) * bw));
      shade.setAttribute('y', '0'); shade.setAttribute('height', String(H));
      svg.appendChild(shade);
      counts.forEach(function (c, i) {
        var y = H;
        data.order.forEach(function (t) {
          if (!c[t]) { return; }
          var h = c[t] / most * (H - 4);
          var r = document.createElementNS(svgNS, 'rect');
          r.setAttribute('x', String(i * bw + bw * 0.1));
          r.setAttribute('width', String(Math.max(bw * 0.8, 0.5)));
          r.setAttribute('y', String(y - h));
          r.setAttribute('height', String(h));
          r.setAttribute('fill', colours[data.classes[t]]);
          r.setAttribute('opacity', i >= sel[0] && i <= sel[1] ? '1' : '0.35');
          svg.appendChild(r);
          y -= h;
        });
      });
    }
    var undated = events.length - dated.length, lastF = { types: null };
    function update(f) {
      lastF = f;
      var a = f.from ? binOf(dayOf(f.from)) : 0, b = f.to ? binOf(dayOf(f.to)) : n - 1;
      sel = [Math.min(a, b), Math.max(a, b)];
      fromR.value = String(sel[0]); toR.value = String(sel[1]);
      fromR.setAttribute('aria-valuetext', f.from || label(0, false));
      toR.setAttribute('aria-valuetext', f.to || label(n - 1, true));
      caption.textContent = '';
      caption.appendChild(el('bdi', { dir: 'ltr' }, (f.from || label(0, false)) + ' – ' + (f.to || label(n - 1, true))));
      if (undated && !f.from && !f.to) { caption.appendChild(document.createTextNode(' · ' + ui('بلا تاريخ: ') + count(undated, 'event'))); }
      draw(f);
    }
    fromR.addEventListener('input', function () { stop(); setBins(+fromR.value, Math.max(+fromR.value, +toR.value)); });
    toR.addEventListener('input', function () { stop(); setBins(Math.min(+fromR.value, +toR.value), +toR.value); });

    // Dragging over the histogram chooses the bars under it.
    var drag = null;
    function binAt(ev) {
      var r = svg.getBoundingClientRect();
      return Math.max(0, Math.min(n - 1, Math.floor((ev.clientX - r.left) / r.width * n)));
    }
    svg.addEventListener('pointerdown', function (ev) {
      stop();
      drag = binAt(ev);
      if (svg.setPointerCapture && ev.pointerId !== undefined) { try { svg.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic */ } }
      sel = [drag, drag];
      draw(lastF);
    });
    svg.addEventListener('pointermove', function (ev) {
      if (drag === null) { return; }
      var b = binAt(ev);
      sel = [Math.min(drag, b), Math.max(drag, b)];
      draw(lastF);
    });
    svg.addEventListener('pointerup', function (ev) {
      if (drag === null) { return; }
      var b = binAt(ev), a = drag;
      drag = null;
      setBins(Math.min(a, b), Math.max(a, b));
    });

    // Play: the period's width (a tenth of the archive when it is all of
    // it) steps forward until it reaches the end.
    var timer = 0;
    function stop() {
      if (!timer) { return; }
      clearInterval(timer); timer = 0;
      play.setAttribute('aria-pressed', 'false');
      play.textContent = ui('تشغيل');
    }
    play.addEventListener('click', function () {
      if (timer) { stop(); return; }
      var width = sel[1] - sel[0] + 1;
      if (width >= n) { width = Math.max(1, Math.round(n / 10)); }
      var at = sel[1] - sel[0] + 1 >= n || sel[1] >= n - 1 ? 0 : sel[0];
      play.setAttribute('aria-pressed', 'true');
      play.textContent = ui('إيقاف');
      function step() {
        setBins(at, Math.min(n - 1, at + width - 1));
        at += width;
        if (at > n - 1) { stop(); }
      }
      timer = setInterval(step, 900);
      step();
    });
    return { update: update };
  }

  function mentionsMap(mapEl) {
    var map = baseMap(mapEl);
    var layer = outlines(map, null, null);
    var byMention = {};
    var pts = [], syrian = [], abroad = [];
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
      if (m.abroad) { abroad.push({ m: m, marker: mk }); } else { syrian.push([m.lat, m.lon]); }
    });
    if (page.place && pts.length) {
      // Close enough that the places around it are named.
      map.setView(pts[0], 10, { animate: false });
    } else if (syrian.length) {
      // The map fits the Syrian places; those abroad are listed beside
      // it (a place in Geneva would otherwise shrink Syria to a dot).
      map.fitBounds(L.latLngBounds(syrian).pad(0.3), { maxZoom: 9, animate: false });
    } else if (pts.length) {
      map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 6, animate: false });
    }
    if (!page.place && syrian.length && abroad.length) { abroadList(map, abroad); }
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a.mention') : null;
      if (!a) { return; }
      var mk = byMention[a.getAttribute('data-m')];
      if (!mk) { return; }
      e.preventDefault();
      map.flyTo(mk.getLatLng(), Math.max(map.getZoom(), 10), { duration: 0.6 });
      mk.openPopup();
      // The reader stays where they read; when the map is out of sight, a
      // note offers the way to it.
      if (!inView(mapEl)) { offerMap(mapEl, a.textContent); }
    });
    // Arriving from a place page (#m-3): mark that mention.
    var hm = /^#m-(\d+)$/.exec(location.hash);
    if (hm) { highlight([+hm[1]]); }
  }

  function inView(e) {
    var r = e.getBoundingClientRect();
    return r.bottom > 40 && r.top < (window.innerHeight || document.documentElement.clientHeight) - 40;
  }

  // offerMap shows, for a few seconds, a link to the map that a click on
  // a name has moved.
  var offer = null, offerTimer = 0;
  function offerMap(mapEl, name) {
    if (!offer) {
      offer = el('a', { 'class': 'map-offer', href: '#map', role: 'status' });
      offer.addEventListener('click', function (e) {
        e.preventDefault();
        mapEl.scrollIntoView({ block: 'center', behavior: 'smooth' });
        offer.hidden = true;
      });
      document.body.appendChild(offer);
    }
    offer.textContent = ui('على الخريطة: ') + name + ' ↑';
    offer.hidden = false;
    clearTimeout(offerTimer);
    offerTimer = setTimeout(function () { offer.hidden = true; }, 6000);
  }

  // abroadList lists, in a box on the map, the places outside Syria that
  // the map does not fit; each flies there.
  function abroadList(map, abroad) {
    var c = L.control({ position: 'topright' });
    c.onAdd = function () {
      var box = el('div', { 'class': 'abroad', dir: dir });
      box.appendChild(el('strong', {}, ui('خارج سوريا:')));
      abroad.forEach(function (a) {
        var b = el('button', { type: 'button' }, english && a.m.en ? a.m.en : a.m.name);
        b.addEventListener('click', function () {
          map.flyTo(a.marker.getLatLng(), 6, { duration: 0.6 });
          a.marker.openPopup();
        });
        box.appendChild(b);
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    c.addTo(map);
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
    var small = tableMap(rows);
    function apply(f) {
      var n = 0;
      rows.forEach(function (r) { var ok = matches(f, rowEvent(r)); r.hidden = !ok; if (ok) { n++; } });
      setShown(n);
      if (small) { small(); }
    }
    apply(filterForm(apply) || { types: null });
    // Sorting: a column's first click sorts dates and deaths the largest
    // first and words A to Z, the next click the other way; what is not
    // known (no date, deaths not told) stays last either way. The column
    // says how it is sorted (aria-sort, and an arrow drawn by the CSS).
    var buttons = table.querySelectorAll('th button[data-sort]');
    var collator = new Intl.Collator(english ? 'en' : 'ar');
    var key = '', dir = 1;
    function sortBy(k, d) {
      key = k; dir = d;
      rows.sort(function (x, y) {
        var a = x.getAttribute('data-' + k) || '', c = y.getAttribute('data-' + k) || '';
        if (!a || !c) { return (a ? 0 : 1) - (c ? 0 : 1); }
        if (k === 'dead') { return dir * ((+a) - (+c)); }
        // ISO dates and codes sort as strings; names by the language's
        // collation (slower: 2,000 rows sorted by date with it took a
        // second of the page's load).
        if (k === 'date' || k === 'type' || k === 'gov') { return dir * (a < c ? -1 : a > c ? 1 : 0); }
        return dir * collator.compare(a, c);
      });
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      Array.prototype.forEach.call(buttons, function (b) {
        var th = b.parentNode;
        if (b.getAttribute('data-sort') === k) {
          th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        } else {
          th.removeAttribute('aria-sort');
        }
      });
    }
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener('click', function () {
        var k = b.getAttribute('data-sort');
        sortBy(k, k === key ? -dir : (k === 'date' || k === 'dead' ? -1 : 1));
      });
    });
    // The build lists the latest first and the undated last: say so.
    var byDate = table.querySelector('th button[data-sort="date"]');
    if (byDate) { key = 'date'; dir = -1; byDate.parentNode.setAttribute('aria-sort', 'descending'); }
  }

  // tableMap draws the events table's shown rows on the page's small map
  // (each row's data-at); it returns the function that redraws it.
  function tableMap(rows) {
    var mapEl = document.getElementById('map');
    if (!mapEl || !window.L || !page || page.mode !== 'table') { return null; }
    var map = baseMap(mapEl);
    var syria = outlines(map, null, null).syria;
    // One canvas for the dots: 2,000 SVG circles cost half a second.
    // In a pane of its own, over the shaded outlines.
    map.createPane('dots').style.zIndex = 420;
    var layer = L.layerGroup().addTo(map), canvas = L.canvas({ padding: 0.2, pane: 'dots' });
    return function () {
      layer.clearLayers();
      var pts = [];
      rows.forEach(function (r) {
        if (r.hidden) { return; }
        var at = (r.getAttribute('data-at') || '').split(',');
        if (at.length !== 2) { return; }
        var colour = colours[(r.querySelector('.badge') || { className: '' }).className.replace('badge ', '')] || '#555';
        L.circleMarker([+at[0], +at[1]], {
          radius: 4, color: colour, weight: 1, fillColor: colour, fillOpacity: 0.8, interactive: false, renderer: canvas, pane: 'dots'
        }).addTo(layer);
        pts.push([+at[0], +at[1]]);
      });
      // Filtered to a few, the map closes in on them.
      var few = pts.length && pts.length < rows.length;
      map.fitBounds(few ? L.latLngBounds(pts).pad(0.1) : syria, { padding: [8, 8], maxZoom: 9, animate: false });
      window.atlasTableMarkers = pts.length; // for tests
    };
  }

  // ---- search, over folded titles, texts and place names

  function search() {
    var form = document.getElementById('search-form');
    var idx = window.ATLAS_SEARCH;
    if (!form || !idx) { return; }
    var input = form.q, out = document.getElementById('results'), total = document.getElementById('results-total');
    // A query may carry a proclitic (بدير الزور, للرقة): try it as
    // written and read with each proclitic that leaves two letters, the
    // most stripped last (arabic.Readings with MinRest 2).
    function variants(q) {
      var v = [q];
      PROCLITICS.forEach(function (p) {
        var rest = q.slice(p[0].length);
        if (q.indexOf(p[0]) !== 0 || rest.length < 2) { return; }
        v.push(rest);
        if (p[1] && rest.charAt(0) === 'ل' && rest.length >= 3) { v.push('ا' + rest); }
      });
      return v;
    }
    // snippet is the words of folded text t around position at, with
    // the match (len letters) marked.
    function snippet(t, at, len) {
      var from = Math.max(0, at - 70), to = Math.min(t.length, at + len + 90);
      if (from > 0) { var sp = t.indexOf(' ', from); if (sp >= 0 && sp < at) { from = sp + 1; } }
      if (to < t.length) { var ep = t.lastIndexOf(' ', to); if (ep > at + len) { to = ep; } }
      var p = el('p', { 'class': 'snippet', dir: 'auto' });
      p.appendChild(document.createTextNode((from > 0 ? '… ' : '') + t.slice(from, at)));
      p.appendChild(el('mark', {}, t.slice(at, at + len)));
      p.appendChild(document.createTextNode(t.slice(at + len, to) + (to < t.length ? ' …' : '')));
      return p;
    }
    // find is where the first of the query's readings occurs in t, and
    // its length; null when none does.
    function find(t, vs) {
      var best = null;
      vs.forEach(function (v) {
        var i = t.indexOf(v);
        if (i >= 0 && (!best || i < best[0])) { best = [i, v.length]; }
      });
      return best;
    }
    var shownMax = 100;
    function run() {
      var raw = input.value.trim(), q = fold(raw);
      // The query goes into the address as it is typed: a search is a
      // link.
      var url = location.pathname + (raw ? '?q=' + encodeURIComponent(raw) : '');
      if (location.pathname + location.search !== url) { history.replaceState(null, '', url); }
      out.textContent = '';
      if (total) { total.textContent = ''; }
      if (q.length < 2) { return; }
      var vs = variants(q);
      // Places first, then briefings whose title matches, then those
      // whose text does; within each, the latest first and the undated
      // last.
      var places = idx.places.filter(function (p) {
        return p.k.split('|').some(function (k) { return vs.indexOf(k) >= 0 || k.indexOf(vs[vs.length - 1]) === 0; });
      });
      var inTitle = [], inText = [];
      idx.docs.forEach(function (d) {
        if (d.ft === undefined) { d.ft = fold(d.t); }
        var title = d.ft, hit = find(d.x, vs);
        if (find(title, vs)) { inTitle.push({ d: d, at: hit }); } else if (hit) { inText.push({ d: d, at: hit }); }
      });
      function latest(a, b) { return (b.d.d || '').localeCompare(a.d.d || ''); }
      inTitle.sort(latest); inText.sort(latest);
      var docs = inTitle.concat(inText), n = places.length + docs.length;
      if (total) {
        total.textContent = count(n, 'result') + (n > shownMax ? ' · ' + ui('تظهر أولاها: ') + shownMax : '');
      }
      var shown = 0;
      places.forEach(function (p) {
        if (shown >= shownMax) { return; }
        var li = el('li', { 'class': 'place' });
        li.appendChild(el('a', { href: root + p.h }, english && p.e ? p.e : p.n));
        // The other language's name, then the governorate (OCHA's
        // English name), each apart: run together they read «حلبAleppo».
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('span', english ? { 'class': 'about', lang: 'ar', dir: 'rtl' } : { 'class': 'about', lang: 'en', dir: 'ltr' }, english ? p.n : p.e));
        if (p.g) {
          li.appendChild(document.createTextNode(' · '));
          li.appendChild(el('span', { 'class': 'about', lang: 'en', dir: 'ltr' }, p.g));
        }
        out.appendChild(li); shown++;
      });
      docs.forEach(function (h) {
        if (shown >= shownMax) { return; }
        var li = el('li', { 'class': 'doc' });
        li.appendChild(el('a', { href: root + h.d.h, dir: 'auto' }, h.d.t));
        // A space of its own: the date is an isolated left-to-right run,
        // whose inline start is on the wrong side for a margin.
        if (h.d.d) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('time', { datetime: h.d.d }, h.d.d)); }
        if (h.at) { li.appendChild(snippet(h.d.x, h.at[0], h.at[1])); }
        out.appendChild(li); shown++;
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
    if (page.mode === 'events' && data) { eventsMap(mapEl); } else if (page.mode === 'mentions') { mentionsMap(mapEl); }
  }
  eventsTable();
  search();
  done();

  // A hosted site caches itself for offline reading; file:// cannot.
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(root + 'sw.js').catch(function () { /* offline reading is a bonus */ });
  }
}());
