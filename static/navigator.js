// The navigator's own JavaScript. Every page works without it; this only enhances.
import { initAll } from "./govuk-frontend-6.6.0.min.js";

initAll();

// htmx swaps the next question into #page: start its components, then move focus to the
// heading (or the error summary, which focuses itself) so screen readers hear the new page.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail && event.detail.target;
  if (!target || target.id !== "page") return;
  initAll({ scope: target });
  if (target.querySelector(".govuk-error-summary")) return;
  const heading = target.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
});

// The skip links come out of band with each swap (a family page adds "Leave this site").
document.addEventListener("htmx:oobAfterSwap", (event) => {
  const target = event.detail && event.detail.target;
  if (target) initAll({ scope: target });
});

// "Copy link" and "Print" buttons (shown only when JavaScript runs).
document.addEventListener("click", async (event) => {
  const element = event.target instanceof Element ? event.target : null;
  const copy = element && element.closest("[data-copy-target]");
  if (copy) {
    const field = document.getElementById(copy.getAttribute("data-copy-target"));
    const status = document.getElementById("share-status");
    if (!field) return;
    // The target is a field (its value) or a link (its address).
    const text = "value" in field ? field.value : field.href;
    try {
      await window.navigator.clipboard.writeText(text);
      if (status) status.textContent = "Link copied.";
    } catch {
      if ("select" in field) {
        field.select();
        if (status) status.textContent = "The link is selected: press Ctrl and C (or Cmd and C) to copy it.";
      } else if (status) {
        status.textContent = "Press and hold (or right-click) the link to these results to copy it.";
      }
    }
    return;
  }
  if (element && element.closest("[data-print]")) window.print();
});

// Print the disclosures open, with the rest of the page; a result's cards keep "What it does"
// and "Why this service?" closed (the print stylesheet leaves them out, to keep it short).
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    if (details.matches(".app-offer .app-not-for, .app-offer .app-why")) continue;
    details.setAttribute("open", "");
    details.setAttribute("data-opened-for-print", "");
  }
});
window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
    details.removeAttribute("open");
    details.removeAttribute("data-opened-for-print");
  }
});

// Back keeps answers. A question page's address holds the answers before it, not its own:
// when a question is answered, its history entry is rewritten to hold the answer too, so the
// browser's Back shows it (the server fills a question in from its own address). On Back, the
// answers given later (in the address being left) are carried into the page returned to, as
// the page's own Back link does, so answering again does not drop them. Nothing is stored:
// the answers stay in the addresses, as without JavaScript.
const JOURNEY = /^\/pathways\/[^/]+(\/(questions\/[^/]+|check|result))?$/;
let shownUrl = window.location.href;

document.addEventListener("submit", (event) => {
  const form = event.target instanceof HTMLFormElement ? event.target : null;
  const asked = form && form.querySelector("input[type=hidden][name=asked]");
  if (!form || !asked || !form.hasAttribute("hx-get")) return;
  const fields = new FormData(form, event.submitter || undefined);
  fields.delete("asked");
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, String(value));
  const base = form.getAttribute("action") || "";
  const url = `${base}/questions/${encodeURIComponent(asked.value)}?${params}`;
  history.replaceState(history.state, "", url);
  shownUrl = new URL(url, window.location.href).href;
});

document.addEventListener("htmx:pushedIntoHistory", () => {
  shownUrl = window.location.href;
});

window.addEventListener("popstate", () => {
  const left = new URL(shownUrl);
  const back = new URL(window.location.href);
  shownUrl = back.href;
  const samePathway = left.pathname.split("/")[2] === back.pathname.split("/")[2];
  if (!JOURNEY.test(left.pathname) || !JOURNEY.test(back.pathname) || !samePathway) return;
  const merged = new URLSearchParams(back.search);
  let added = false;
  for (const name of new Set(left.searchParams.keys())) {
    if (name === "asked" || merged.has(name)) continue;
    for (const value of left.searchParams.getAll(name)) merged.append(name, value);
    added = true;
  }
  if (!added) return;
  const url = `${back.pathname}?${merged}`;
  history.replaceState(history.state, "", url);
  shownUrl = new URL(url, window.location.href).href;
});

// The workbench's htmx requests carry the session's CSRF token as a header (its forms carry it
// in a hidden field too, for when JavaScript is off). The token is in a meta tag, never in an
// inline script: the Content Security Policy allows none.
document.addEventListener("htmx:configRequest", (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && event.detail && event.detail.headers) {
    event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content");
  }
});
