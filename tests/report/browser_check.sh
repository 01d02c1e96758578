#!/bin/bash
# The HTML pages in a real browser (issue 20 point 1): headless Chromium
# loads the page `score -O html` writes for every bundled scheme with an
# example folder of the same name, the `explain -O html` page of two units
# and the `diff -O html` page of the README's tour, and for each:
#   - no console message at all (an error, a blocked load, a script that
#     throws: the pages log nothing of their own);
#   - the DOM as the browser left it (--dump-dom) holds every unit and
#     total that `-O csv` of the same run gives (tests/report/dom_check.py),
#     and <html class="js">, set by the page's script;
#   - a screenshot (1280×2000) under the build folder, browser-check/,
#     that is not blank (tests/report/png_check.py);
# and the party-building page printed to PDF is on A4 pages.
# A page with a script error planted in it must be caught, so that the
# console check is known to work. Fails, never skips, without chromium.
#
#   browser_check.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
here=$root/tests/report

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "FAIL: $chromium not found: this test loads kaohe's HTML pages in headless Chromium."
  echo "On Debian, as root: apt-get install -y chromium"
  exit 1
fi
if ! command -v python3 >/dev/null; then
  echo "FAIL: python3 not found (it reads the DOM and the screenshots)."
  echo "On Debian, as root: apt-get install -y python3"
  exit 1
fi

out=$(dirname "$bin")/browser-check
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Loads PAGE (a file) in Chromium: the DOM to PAGE.dom, the log to
# PAGE.log, a screenshot to PAGE.png. `--headless=new` is the browser
# itself; --no-sandbox because CI runs as root.
browse() {
  local page=$1 profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  local flags=(--headless=new --no-sandbox --disable-gpu --no-first-run
    --user-data-dir="$profile" --enable-logging=stderr --v=0)
  timeout 120 "$chromium" "${flags[@]}" --dump-dom "file://$page" \
    >"$page.dom" 2>"$page.log" || fail "chromium --dump-dom $page exited $?"
  timeout 120 "$chromium" "${flags[@]}" --window-size=1280,2000 \
    --screenshot="${page%.html}.png" "file://$page" \
    >/dev/null 2>"$page.shot.log" || fail "chromium --screenshot $page exited $?"
}

# Fails when the browser logged any console message for PAGE.
no_console() {
  local page=$1
  if grep -E ':CONSOLE[(:]' "$page.log" "$page.shot.log" >"$work/console" 2>/dev/null; then
    fail "$page: console messages:"
    cat "$work/console"
  fi
}

not_blank() {
  local png=$1
  [[ -s $png ]] || { fail "no screenshot $png"; return; }
  python3 "$here/png_check.py" "$png" || fail "$png is blank"
}

kaohe() {
  "$bin" "$@" || fail "kaohe $* exited $?"
}

pages=0
for scheme in schemes/*.yaml; do
  name=$(basename "$scheme" .yaml)
  [[ -d examples/$name ]] || continue
  page=$out/score-$name.html
  kaohe score "$scheme" "examples/$name" -q -o "$page"
  kaohe score "$scheme" "examples/$name" -q -O csv --no-formula-guard -o "$work/$name.csv"
  browse "$page"
  no_console "$page"
  python3 "$here/dom_check.py" score "$page.dom" "$work/$name.csv" || fail "$page: DOM check"
  not_blank "${page%.html}.png"
  pages=$((pages + 1))
done

# Printed (the @media print and @page rules): a PDF of A4 pages (Chromium
# writes A4 as 594.96 × 841.92 points; US Letter would be 612 × 792).
pdf=$out/score-party-building.pdf
profile=$(mktemp -d "$work/profile.XXXXXX")
timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run \
  --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$pdf" \
  "file://$out/score-party-building.html" >/dev/null 2>&1 || fail "chromium --print-to-pdf exited $?"
if [[ $(head -c 5 "$pdf" 2>/dev/null) != "%PDF-" ]]; then
  fail "$pdf is not a PDF"
else
  boxes=$(grep -a -o '/MediaBox \[[^]]*\]' "$pdf" | sort -u)
  [[ $boxes =~ ^/MediaBox\ \[0\ 0\ 59[45]\.[0-9]*\ 84[12]\.[0-9]*\]$ ]] ||
    fail "$pdf: pages are not A4: $boxes"
fi

# Hostile names (<script>alert(1)</script>, "&'<b>, ESC): shown as text,
# the page's own script the only one in the DOM.
page=$out/score-hostile.html
hostile=tests/golden/score-html-hostile
kaohe score schemes/party-building.yaml "$hostile" -q -o "$page"
kaohe score schemes/party-building.yaml "$hostile" -q -O csv --no-formula-guard \
  -o "$work/hostile.csv"
browse "$page"
no_console "$page"
python3 "$here/dom_check.py" score "$page.dom" "$work/hostile.csv" || fail "$page: DOM check"
scripts=$(grep -o '<script' "$page.dom" | wc -l)
[[ $scripts -eq 1 ]] || fail "$page: $scripts script elements in the DOM, expected the page's one"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$page.dom" ||
  fail "$page: the hostile name is not shown as text"
not_blank "${page%.html}.png"

scheme=schemes/party-building.yaml
data=examples/party-building
page=$out/explain-party-building.html
kaohe explain "$scheme" V2 "$data" --unit V3 -o "$page"
kaohe score "$scheme" "$data" -q -O csv -o "$work/pb.csv"
browse "$page"
no_console "$page"
python3 "$here/dom_check.py" explain "$page.dom" "$work/pb.csv" V2 V3 || fail "$page: DOM check"
not_blank "${page%.html}.png"

page=$out/diff-party-building.html
code=0
"$bin" diff "$scheme" examples/party-building-review-20.yaml "$data" -o "$page" || code=$?
[[ $code -eq 1 ]] || fail "kaohe diff -o $page exited $code, expected 1 (differences)"
"$bin" diff "$scheme" examples/party-building-review-20.yaml "$data" -O csv \
  -o "$work/diff.csv" || true
browse "$page"
no_console "$page"
python3 "$here/dom_check.py" diff "$page.dom" "$work/diff.csv" || fail "$page: DOM check"
not_blank "${page%.html}.png"

# Sorting and filtering work: a script added after the page's own clicks
# the "total" header (ascending), then filters grade 良好, and writes what
# the table then shows into <body data-test>.
cat >"$work/interact.js" <<'JS'
<script>
(function () {
  var t = document.getElementById('results');
  var heads = t.tHead.rows[0].cells, col = -1;
  for (var i = 0; i < heads.length; i++) if (heads[i].textContent.trim() === 'total') col = i;
  heads[col].querySelector('button').click();
  var ids = function (rows) { return rows.map(function (r) { return r.cells[1].textContent; }).join(','); };
  var all = [].slice.call(t.tBodies[0].rows);
  var order = ids(all);
  var sel = document.querySelector('select[data-filter="grade"]');
  sel.value = 'v:良好';
  sel.dispatchEvent(new Event('change'));
  var shown = ids(all.filter(function (r) { return !r.hidden; }));
  document.body.setAttribute('data-test',
    order + '|' + shown + '|' + document.getElementById('shown-count').textContent);
}());
</script>
JS
interact=$work/interact.html
# The page ends in </body> and </html>, a line each: the script goes before.
tail -n 2 "$out/score-party-building.html" | tr -d '\n' | grep -qx '</body></html>' ||
  fail "the page does not end in </body> and </html>"
{ head -n -2 "$out/score-party-building.html"; cat "$work/interact.js"; printf '</body>\n</html>\n'; } >"$interact"
browse "$interact"
no_console "$interact"
want='data-test="V3,V1,V2|V1,V2|2 of 3 units shown"'
grep -qF "$want" "$interact.dom" ||
  fail "sorting by total and filtering by grade: want $want, got $(grep -o 'data-test="[^"]*"' "$interact.dom")"

# The checks must be able to fail: a script error planted in a page, and
# a unit's total changed in its DOM, are both caught.
planted=$work/planted.html
sed 's|</body>|<script>kaohe_no_such_function();</script></body>|' \
  "$out/score-party-building.html" >"$planted"
browse "$planted"
grep -qE ':CONSOLE[(:]' "$planted.log" ||
  fail "a planted script error was not seen in the console log"
sed 's|<span class="total">93.75</span>|<span class="total">93.76</span>|' \
  "$out/score-party-building.html.dom" >"$work/changed.dom"
if python3 "$here/dom_check.py" score "$work/changed.dom" "$work/party-building.csv" >/dev/null; then
  fail "a changed total was not caught by the DOM check"
fi
# And a blank page is blank.
printf '<!DOCTYPE html><html><body></body></html>\n' >"$work/blank.html"
browse "$work/blank.html"
if python3 "$here/png_check.py" "$work/blank.png" >/dev/null; then
  fail "a blank page's screenshot was not found blank"
fi

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s); pages and screenshots in $out"
  exit 1
fi
echo "$pages score pages, an explain and a diff page: no console message, every unit and total in the DOM, screenshots in $out"
