// Loaded on every page: a step to a place on the page the reader is on stays on that page.
//
// Material's instant navigation fetches a page and swaps it in whenever the path of its location
// changes, but it has seen no location until its first navigation. So the first same-page step
// after a load (the skip link, a heading's ¶, the table of contents, the scoring page's "See the
// details", a link to a place on the page pasted into the open tab, the back button between two
// places on it) made it fetch the page the reader was on and swap its content in. On /score/ that
// remounted the widget: what it showed (a shared link's preview, an Undo, the focus) was gone, and
// the form showed its defaults until the saved answers were back. Zensical fixed the same bug in its
// own theme (zensical/ui#154); Material, at its end of life, will not.
//
// So until Material has navigated once, a step to the page on show is not passed on to it, which is
// what Material itself does from then on, once it has a path to compare with; the browser scrolls to
// the place, as it does on any page. Steps to other pages all go to Material, as before.

/** The page a URL is on: its path and query, not its fragment. */
const pageOf = (url) => `${url.origin}${url.pathname}${url.search}`;
const loaded = pageOf(window.location); // the page on show, until Material navigates

// Material feeds its clicks and the window's popstate into window.location$ (an RxJS Subject it
// exposes; its subscriber looks up `next` at each call). A same-page step that reaches it before
// its first navigation is not passed on: the browser has made that step already. Listening for
// popstate instead cannot work: Material's listener was added first, and a window's listeners for
// its own event run in the order they were added, capturing or not (seen in Chromium 156).
const location$ = window.location$;
if (location$ && typeof location$.next === "function") {
  const next = location$.next;
  let navigated = false;
  location$.next = function (url) {
    if (!navigated && url instanceof URL && pageOf(url) === loaded) return undefined;
    navigated = true;
    return next.call(this, url);
  };

  // A click on a link to a place on this page. Material's handler on document.body would cancel it
  // and send it to location$; it leaves alone a link that has a target. "_self" names this tab, so
  // the browser follows the link as it would have (and its popstate reaches location$, above); the
  // attribute is taken off again once the click has been handled.
  document.addEventListener("click", (event) => {
    if (navigated || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.hasAttribute("target")) return;
    const url = new URL(link.href);
    if (!url.hash || pageOf(url) !== loaded) return;
    link.target = "_self";
    setTimeout(() => link.removeAttribute("target"));
  }, true);
}
