/**
 * The 721 ratio tracker, satisfaction and the three rates, with intervals.
 *
 * @module metrics
 */
export {};
