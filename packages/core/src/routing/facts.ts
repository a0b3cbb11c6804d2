// Facts are dotted paths into the case (`attributes.reports`): checked when a rule set is
// compiled, and compiled once into a getter that reads own properties only.

/** Names inherited from Object.prototype: a path through them would read the prototype. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The problem with a fact path, or undefined when it is fine. */
export function factPathProblem(path: string): string | undefined {
  const segments = path.split('.');
  if (segments.some((segment) => segment.length === 0))
    return 'a fact is a dotted path such as attributes.reports';
  const bad = segments.find((segment) => INHERITED.has(segment));
  return bad === undefined ? undefined : `"${bad}" may not be part of a fact path`;
}

type Getter = (input: unknown) => unknown;

// Own properties only: a case built with a prototype (or a class instance) is read for what
// it holds, never for what it inherits.
const step = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** A getter for a valid fact path; a missing step gives `undefined`. */
export function compileFact(path: string): Getter {
  const segments = path.split('.');
  const [a, b, c] = segments;
  // Unrolled for the usual depths: these run for every condition of every case routed.
  if (segments.length === 1 && a !== undefined) return (input) => step(input, a);
  if (segments.length === 2 && a !== undefined && b !== undefined)
    return (input) => step(step(input, a), b);
  if (segments.length === 3 && a !== undefined && b !== undefined && c !== undefined) {
    return (input) => step(step(step(input, a), b), c);
  }
  return (input) => {
    let value = input;
    for (const segment of segments) value = step(value, segment);
    return value;
  };
}
