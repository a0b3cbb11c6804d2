/**
 * Tiered routing rules: compile, route, explain.
 *
 * @module routing
 */
export {};
