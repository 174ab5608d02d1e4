// Loaded `async` from the <head> of the scoring page only (see generator/site/theme/main.html), so the
// engine starts booting while the rest of the page is still loading: an ordinary module script
// would wait for Material's blocking bundle and then for the widget's own modules. The engine
// is a per-visit singleton, so the widget picks up this same engine when it mounts.
import { getEngine } from "./engine-client.mjs";

getEngine();
