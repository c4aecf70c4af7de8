// Public API of the plan area: explicit named exports only.
export {};
