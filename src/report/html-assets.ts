/**
 * The style sheet and the script of the HTML report, inlined into the one file. The page's
 * Content-Security-Policy allows exactly these two (by hash) and nothing else: no network, no
 * other script, whatever a repository managed to put into the text.
 */

/** The report's CSS: light and dark, readable in print. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #fff; --line: #d0d7de; --head: #f6f8fa;
  --pass: #1a7f37; --partial: #9a6700; --fail: #cf222e; --na: #6e7781; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --line: #30363d;
  --head: #161b22; --pass: #3fb950; --partial: #d29922; --fail: #f85149; --na: #8b949e; --accent: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
p.lead { color: var(--muted); margin: 0 0 1rem; }
.wrap { overflow-x: auto; }
table.ranking { border-collapse: collapse; width: 100%; }
table.ranking th, table.ranking td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: right; white-space: nowrap; }
table.ranking th { background: var(--head); position: sticky; top: 0; }
table.ranking th.text, table.ranking td.text { text-align: left; }
table.ranking td.gaps { text-align: left; white-space: normal; min-width: 16rem; color: var(--muted); }
table.ranking tr.failed td { color: var(--muted); }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " ↕"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " ▲"; color: var(--fg); }
th[aria-sort="descending"] button::after { content: " ▼"; color: var(--fg); }
a, .link { color: var(--accent); }
button.link { font: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; text-align: left; }
.s-pass { color: var(--pass); } .s-partial { color: var(--partial); } .s-fail { color: var(--fail); } .s-na { color: var(--na); }
.score { font-weight: 700; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--head); padding: 0 .25em; border-radius: 3px; word-break: break-all; }
dialog { width: min(60rem, 96vw); max-height: 92vh; padding: 0; border: 1px solid var(--line); border-radius: 8px; color: var(--fg); background: var(--bg); }
dialog::backdrop { background: rgb(0 0 0 / 45%); }
.detail { padding: 1rem 1.25rem 1.5rem; }
.detail header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; position: sticky; top: 0; background: var(--bg); padding: .5rem 0; border-bottom: 1px solid var(--line); }
.detail h2 { margin: 0; font-size: 1.2rem; word-break: break-all; }
.detail h3 { margin: 1.25rem 0 .5rem; font-size: 1.05rem; }
.detail h4 { margin: 1rem 0 .25rem; }
.meta { color: var(--muted); }
table.criteria { border-collapse: collapse; }
table.criteria td, table.criteria th { padding: .15rem .6rem .15rem 0; text-align: left; font-weight: normal; }
meter { width: 10rem; }
ul.checks { list-style: none; padding: 0; margin: 0; }
ul.checks > li { border-top: 1px solid var(--line); padding: .3rem 0; }
summary { cursor: pointer; }
.badge { display: inline-block; min-width: 4.2em; font-size: 12px; font-weight: 600; text-transform: uppercase; }
ul.findings { margin: .3rem 0 .3rem 1.2rem; padding: 0; }
ul.findings li { margin: .15rem 0; }
.fix { margin: .3rem 0 .3rem 1.2rem; }
.close { font: inherit; padding: .25rem .75rem; cursor: pointer; }
@media print { dialog { display: block; position: static; width: auto; max-height: none; border: 0; } .close, th button::after { display: none; } }
`;

/** The report's script: sorting by any column, and opening a repository's report. */
export const REPORT_JS = `
"use strict";
(() => {
  const table = document.getElementById("ranking");
  const body = table.tBodies[0];
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, col) => {
    const button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", () => {
      const numeric = th.dataset.type === "number";
      const now = th.getAttribute("aria-sort");
      const first = numeric && th.dataset.first === "descending" ? "descending" : "ascending";
      const dir = now === null ? first : now === "ascending" ? "descending" : "ascending";
      for (const h of heads) h.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", dir);
      const sign = dir === "ascending" ? 1 : -1;
      const value = (row) => row.cells[col].dataset.value || "";
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        // Rows without a value (not scanned, n/a) stay at the bottom in both directions.
        if (va === "" || vb === "") return (va === "") - (vb === "") || a.dataset.order - b.dataset.order;
        const cmp = numeric ? Number(va) - Number(vb) : va.localeCompare(vb, undefined, { sensitivity: "base" });
        return cmp * sign || a.dataset.order - b.dataset.order;
      });
      body.append(...rows);
    });
  });
  const open = (id) => {
    const dialog = document.getElementById(id);
    if (dialog && dialog.tagName === "DIALOG" && !dialog.open) dialog.showModal();
  };
  document.addEventListener("click", (event) => {
    const opener = event.target.closest("[data-open]");
    if (opener) open(opener.dataset.open);
    const closer = event.target.closest("[data-close]");
    if (closer) closer.closest("dialog").close();
  });
  const fromHash = () => {
    if (location.hash.length > 1) open(decodeURIComponent(location.hash.slice(1)));
  };
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
`;
