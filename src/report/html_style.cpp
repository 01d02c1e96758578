// The inline CSS and JavaScript of the HTML pages (report/html_style.h),
// kept as raw string literals so that the page needs no file beside it.
#include "report/html_style.h"

namespace kaohe {

std::string_view html_stylesheet() {
  return R"css(
:root { color-scheme: light; }
body { font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
         "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
       margin: 1.5em auto; max-width: 1280px; padding: 0 1em; color: #222; background: #fff;
       line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.meta { color: #555; margin-top: 0; }
nav a { margin-right: 1em; }
table { border-collapse: collapse; margin: 0.5em 0; }
.table-wrap { overflow-x: auto; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: bold; border: 0; background: none; cursor: pointer; padding: 0; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.flags { color: #8a5a00; }
td.reasons { color: #555; font-size: 0.92em; }
.filters { margin: 0.5em 0; }
.filters label { margin-right: 1.2em; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 0.4em 0; }
svg.chart text { font-size: 12px; fill: #222; }
svg.chart text.tick { font-size: 10px; fill: #666; }
svg.chart .bar { fill: #2c7fb8; }
svg.chart .dot { fill: #2c7fb8; fill-opacity: 0.75; stroke: #fff; stroke-width: 1; }
svg.chart .median { stroke: #222; stroke-width: 2; }
svg.chart .axis { stroke: #999; stroke-width: 1; }
svg.chart .connector { stroke: #999; stroke-width: 1; stroke-dasharray: 2 2; }
svg.chart .loss { fill: #c0392b; }
svg.chart .gain { fill: #27ae60; }
svg.chart .total { fill: #7f8c8d; }
svg.chart a:hover rect, svg.chart a:hover circle { stroke: #000; stroke-width: 1.5; }
section.unit { border-top: 1px solid #eee; padding-top: 0.4em; }
.rows { font-size: 0.9em; }
.rows code, .tree code { font-size: 0.95em; color: #333; }
.rows li:target { background: #fff3cd; }
.tree td.item { white-space: nowrap; }
.tree tr.node td { font-weight: bold; background: #fafafa; }
.note { color: #555; }
tr.up td.move { color: #1e7b34; }
tr.down td.move { color: #b03a2e; }
td.grade-changed { background: #fff3cd; font-weight: bold; }
.warning { color: #b03a2e; font-weight: bold; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav, .filters, .no-print { display: none; }
  /* Chromium leaves a form control out of a header repeated on the next page. */
  th button { display: contents; font-weight: bold; }
  th[aria-sort] button::after { content: ""; }
  a { color: inherit; text-decoration: none; }
  table { font-size: 9pt; width: 100%; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr, li, svg.chart { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.unit { break-inside: avoid; }
}
)css";
}

std::string_view html_script() {
  return R"js(
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var table = document.getElementById('results');
  if (!table || !table.tHead || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  each(heads, function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var numeric = th.classList.contains('num');
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      each(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var text = row.cells[col] ? row.cells[col].textContent : '';
        if (!numeric) return text;
        var n = parseFloat(text);
        return isNaN(n) ? -Infinity : n;
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = x < y ? -1 : x > y ? 1 : 0;
        if (!ascending) c = -c;
        return c || (Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order')));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var filters = document.querySelectorAll('select[data-filter]');
  var count = document.getElementById('shown-count');
  var apply = function () {
    var shown = 0;
    each(body.rows, function (row) {
      var ok = true;
      each(filters, function (f) {
        if (f.value !== '' && row.getAttribute('data-' + f.getAttribute('data-filter')) !== f.value) ok = false;
      });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (count) count.textContent = shown + ' of ' + body.rows.length + ' units shown';
  };
  each(filters, function (f) { f.addEventListener('change', apply); });
  apply();
}());
)js";
}

}  // namespace kaohe
