/**
 * A volunteer program: the hour and point ledgers wired together, with one event log.
 *
 * @module program
 */
export {};
