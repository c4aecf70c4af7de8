// Public API of the quota area: explicit named exports only.
export {};
