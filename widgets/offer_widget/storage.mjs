// Safe localStorage: JSON in and out, and an in-memory fallback when storage is blocked or full,
// so ticks and answers keep working for the visit. Nothing here ever leaves the browser.

const memory = new Map();

function local() {
  try {
    const probe = "offer-guide:probe";
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Read a JSON value; a missing, unreadable or corrupt entry gives `fallback`. */
export function load(key, fallback) {
  let raw = memory.has(key) ? memory.get(key) : null;
  const store = local();
  if (store) {
    try {
      raw = store.getItem(key) ?? raw;
    } catch {
      /* keep the in-memory copy */
    }
  }
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/** Save a JSON value. Returns true when it reached localStorage, false when it is kept in memory only. */
export function save(key, value) {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  const store = local();
  if (!store) return false;
  try {
    store.setItem(key, raw);
    return true;
  } catch {
    return false; // quota exceeded: the in-memory copy still serves this visit
  }
}

/** Forget a value everywhere. */
export function forget(key) {
  memory.delete(key);
  const store = local();
  try {
    store?.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

/** Whether answers will survive a reload. */
export function persistent() {
  return local() !== null;
}
