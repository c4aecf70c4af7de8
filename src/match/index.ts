// Public API of the match area: explicit named exports only.
export {};
