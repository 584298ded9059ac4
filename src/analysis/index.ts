// Barrel: filled in by this area's modules.
export {};
