//! The page's inline style sheet and its filter script.

pub(super) const CSS: &str = r#"
:root { --contradiction: #c62828; --tension: #e65100; --note: #1565c0; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d1d1d; background: #fafafa; line-height: 1.5; }
[lang=ar] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", Tahoma, system-ui, sans-serif; font-size: 1.08em; line-height: 1.9; }
header.top { background: #263238; color: #fff; padding: .6em 1.5em; display: flex; gap: 2em; align-items: baseline; flex-wrap: wrap; position: sticky; top: 0; z-index: 2; }
header.top h1 { margin: 0; font-size: 1.3em; }
header.top nav a { color: #cfd8dc; margin-right: 1.2em; text-decoration: none; }
main { max-width: 1240px; margin: 0 auto; padding: 0 1.5em 4em; }
section > h2 { border-bottom: 2px solid var(--line); padding-bottom: .2em; margin-top: 1.8em; }
.summary-line { font-size: 1.15em; font-weight: 600; }
.severity-counts { list-style: none; padding: 0; display: flex; gap: 1.5em; }
.badge { display: inline-block; padding: 0 .5em; border-radius: 3px; color: #fff; font-size: .85em; font-weight: 600; }
.badge.sev-contradiction { background: var(--contradiction); } .badge.sev-tension { background: var(--tension); } .badge.sev-note { background: var(--note); }
table.doc-table { border-collapse: collapse; width: 100%; background: #fff; }
.doc-table th, .doc-table td { border: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
.doc-table td:nth-child(n+4) { white-space: nowrap; }
.none, .hint, .empty { color: var(--muted); }
form.filters { display: flex; gap: 2em; align-items: center; flex-wrap: wrap; background: #fff; border: 1px solid var(--line); padding: .5em 1em; margin-bottom: 1em; }
form.filters fieldset { border: none; margin: 0; padding: 0; display: flex; gap: 1em; }
form.filters legend { float: left; margin-right: 1em; font-weight: 600; }
#filter-status { color: var(--muted); }
article.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--muted); margin: 0 0 1em; padding: .6em 1em; }
article.finding[hidden], details.notes[hidden] { display: none; }
article.finding.sev-contradiction { border-left-color: var(--contradiction); }
article.finding.sev-tension { border-left-color: var(--tension); }
article.finding.sev-note { border-left-color: var(--note); }
article.finding:target { outline: 3px solid #ffd54f; }
.finding header { display: flex; gap: .5em; align-items: center; }
.finding .fid { margin-left: auto; color: var(--muted); }
.finding .message { font-weight: 600; margin: .4em 0; }
.finding .resolution { background: #e8f5e9; padding: .3em .6em; }
ol.sides { padding-left: 1.2em; }
blockquote.quote { margin: .3em 0; padding: .4em .8em; background: #f5f5f5; border-right: 3px solid #bbb; }
mark.side-mark { background: #ffe082; padding: 0 .1em; }
dl.side-meta { display: flex; flex-wrap: wrap; gap: 0 .35em; margin: .1em 0 .6em; font-size: .92em; }
dl.side-meta dt { color: var(--muted); } dl.side-meta dt::after { content: ":"; } dl.side-meta dd { margin: 0 .9em 0 0; }
.outlet { color: var(--muted); }
ol.glance { list-style: none; padding: 0; margin: 0 0 1em; }
ol.glance li { font-size: .95em; line-height: 1.45; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--muted); margin: 0 0 2px; padding: 0 .6em; }
#summary > h2 { font-size: 1.25em; margin: .7em 0 .2em; padding-bottom: 0; border-bottom: none; }
#summary > .summary-line { margin: 0 0 .4em; }
ol.glance li.sev-contradiction { border-left-color: var(--contradiction); } ol.glance li.sev-tension { border-left-color: var(--tension); }
ol.glance a { color: inherit; text-decoration: none; } ol.glance a:hover .value { text-decoration: underline; }
ol.glance .event { color: #333; }
ol.glance .value { font-weight: 600; } ol.glance .who { font-size: .92em; } ol.glance .who, ol.glance .fid, .vs { color: var(--muted); } .vs { font-style: italic; }
.all-clear { background: #e8f5e9; padding: .4em .8em; }
details > summary { cursor: pointer; }
details.notes, details.inventory, details.document, details.help { background: #fff; border: 1px solid var(--line); margin: 0 0 .6em; }
details.notes > summary, details.inventory > summary, details.document > summary, details.help > summary { padding: .4em 1em; }
details.notes[open], details.inventory[open], details.document[open] { padding: 0 1em 1em; }
details.notes[open] > summary, details.inventory[open] > summary, details.document[open] > summary { margin: 0 -1em .6em; border-bottom: 1px solid var(--line); }
details.help[open] { padding: 0 1em .4em; } details.help[open] > summary { margin: 0 -1em; }
.doc-id { font-weight: 600; } .doc-title { margin-left: .5em; }
.pos { color: var(--muted); font-family: ui-monospace, monospace; }
#timeline-svg { background: #fff; border: 1px solid var(--line); max-width: 100%; height: auto; }
#timeline-svg .grid { stroke: #eee; }
#timeline-svg .divider { stroke: #bbb; stroke-dasharray: 4 3; }
#timeline-svg text { font-size: 12px; fill: #333; }
#timeline-svg .group-label { font-weight: 700; fill: var(--muted); }
#timeline-svg .tick { fill: var(--muted); font-size: 11px; }
#timeline-svg .event-mark circle, #timeline-svg .event-mark rect { fill: #546e7a; opacity: .85; }
#timeline-svg .claim-dot circle { fill: #90a4ae; stroke: #fff; stroke-width: 1.5; }
#timeline-svg .claim-dot.conflicted circle { fill: #37474f; }
#timeline-svg .span-bar { fill: #cfd8dc; }
#timeline-svg .conflict { stroke-width: 2.5; opacity: .8; fill: none; }
#timeline-svg .conflict.sev-contradiction { stroke: var(--contradiction); }
#timeline-svg .conflict.sev-tension { stroke: var(--tension); }
#timeline-svg .conflict.sev-note { stroke: var(--note); }
#timeline-svg .published-mark path { fill: none; stroke: #6a1b9a; stroke-width: 2; }
#timeline-svg .date-range .range { fill: #b0bec5; }
#timeline-svg .date-range.sev-contradiction .range, #timeline-svg .date-range.sev-contradiction .range-side circle, #timeline-svg .date-range.sev-contradiction .range-side rect { fill: var(--contradiction); }
#timeline-svg .date-range.sev-tension .range, #timeline-svg .date-range.sev-tension .range-side circle, #timeline-svg .date-range.sev-tension .range-side rect { fill: var(--tension); }
#timeline-svg .date-range.sev-note .range, #timeline-svg .date-range.sev-note .range-side circle, #timeline-svg .date-range.sev-note .range-side rect { fill: var(--note); }
#timeline-svg .date-range .range { opacity: .45; }
#timeline-svg .range-side circle, #timeline-svg .range-side rect { fill: #546e7a; stroke: #fff; stroke-width: 1.5; }
#timeline-svg .range-date { font-size: 11px; font-weight: 700; fill: #333; }
#timeline-svg .range-label { font-size: 11px; fill: var(--muted); }
ol.undated { padding-left: 1.5em; } ol.undated li.sentence { margin-bottom: .5em; } .sentence-claims { margin: 0; font-size: .92em; }
.claim-text { color: #333; }
.why { color: var(--muted); }
article.document { background: #fff; border: 1px solid var(--line); padding: .4em 1.2em 1em; margin-bottom: 1.5em; }
.doc-meta { color: var(--muted); }
.doc-text .block { margin: .5em 0; white-space: pre-wrap; }
.doc-text .headline { font-weight: 700; font-size: 1.15em; }
.doc-text .boilerplate { opacity: .45; font-size: .92em; border-right: 3px dotted #bbb; padding-right: .5em; }
.doc-text .front-matter { background: #f5f5f5; padding: .4em; font-size: .85em; opacity: .7; }
mark.claim { background: #e3f2fd; border-bottom: 2px solid #90caf9; }
mark.claim.conflicted { background: #ffebee; border-bottom-color: var(--contradiction); }
mark.claim:target { background: #ffd54f; }
a.flink { font-size: .75em; vertical-align: super; margin: 0 .15em; text-decoration: none; }
article.help p { max-width: 60em; }
"#;

/// Filters findings (and their timeline lines) by severity and kind, and opens the folds around
/// the target of a link, so a link into a folded note, article or help text lands on it.
pub(super) const SCRIPT: &str = r#"
(function () {
  function reveal(hash) {
    var target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    for (var el = target; el; el = el.parentElement) { if (el.tagName === 'DETAILS') el.open = true; }
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest("a[href^='#']");
    if (link) reveal(link.getAttribute('href'));
  });
  window.addEventListener('hashchange', function () { reveal(location.hash); });
  reveal(location.hash);
})();
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  function apply() {
    var severities = {};
    form.querySelectorAll('input[name=severity]').forEach(function (box) { severities[box.value] = box.checked; });
    var kind = form.querySelector('select[name=kind]').value;
    var shown = {}, count = 0, all = document.querySelectorAll('article.finding');
    all.forEach(function (a) {
      var visible = severities[a.dataset.severity] && (kind === '' || a.dataset.kind === kind);
      a.hidden = !visible;
      if (visible) { shown[a.dataset.id] = true; count++; }
    });
    document.querySelectorAll('#timeline-svg .conflict').forEach(function (line) {
      line.style.display = shown[line.dataset.finding] ? '' : 'none';
    });
    var notes = document.getElementById('notes');
    if (notes) notes.hidden = !notes.querySelector('article.finding:not([hidden])');
    document.getElementById('filter-status').textContent = count + ' of ' + all.length + ' findings shown';
  }
  form.addEventListener('change', apply);
  apply();
})();
"#;
