// Numbers as a reader writes them: 50 rather than 50.0, 64.2 with one decimal otherwise.

/** 50 → "50", 64.25 → "64.3"; the engine's fits and shares already have at most one decimal. */
export const plain = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
