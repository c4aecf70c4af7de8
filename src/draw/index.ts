// Public API of the draw area: explicit named exports only.
export {};
