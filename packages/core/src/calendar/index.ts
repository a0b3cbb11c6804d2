/**
 * Working-day calendars, with shipped holiday data for mainland China.
 *
 * @module calendar
 */
export {};
