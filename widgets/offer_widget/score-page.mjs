// The scoring page's widget, as one classic script: generator/site/bundle.py bundles this module and
// everything it imports into assets/widgets/score-page.js, which the page runs right after the
// widget's markup (generator/site/theme/main.html). A parser-blocking classic script runs there and
// then, while the rest of the page is parsed: the reader's saved answers are shown, and sent to the
// engine the head script started, before the theme's script runs. As an async module it ran later:
// in a Chromium trace of a second visit at slow-4g its modules were all compiled 0.7 s after the
// start, yet it was run only at 1.6 s, once the parser and the theme's script were done. Second
// visits at slow-4g, median first verdict, 6 interleaved pairs: 1733 ms as modules, 1050 ms as one
// script.
//
// Material's instant navigation runs the script again when it swaps the scoring page in. The script
// then mounts the widget it loaded the first time on the new markup (bundle.py's wrapper calls
// `mountPage`), so one visit keeps one set of modules and one engine.

import { mount } from "./score-widget.mjs";

function mountPage() {
  const root = document.querySelector("[data-og-score]");
  if (root) mount(root); // does nothing for a widget it has mounted already
}

self.offerGuideWidget = Object.freeze({ mountPage });
mountPage();
