// Damage done to a valid log, for the property "replay never silently builds a different
// state": change one field of one event, or drop, duplicate or move one event.
import fc from 'fast-check';

/** One kind of damage, described for the failure message. */
export interface LogMutation {
  readonly description: string;
  readonly events: unknown[];
}

type Json = unknown;

/** Every path to a leaf (or an empty object or array) of a JSON value. */
function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.length === 0
      ? [path]
      : value.flatMap((item, index) => leafPaths(item, [...path, index]));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0
      ? [path]
      : keys.flatMap((key) => leafPaths((value as Record<string, Json>)[key], [...path, key]));
  }
  return [path];
}

function setAt(value: Json, path: readonly (string | number)[], leaf: Json): Json {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = setAt(copy[head as number], rest, leaf);
    return copy;
  }
  const record = value as Record<string, Json>;
  return { ...record, [head as string]: setAt(record[head as string], rest, leaf) };
}

function getAt(value: Json, path: readonly (string | number)[]): Json {
  let current = value;
  for (const key of path) current = (current as Record<string | number, Json>)[key];
  return current;
}

/** A value of another kind or another value of the same kind than `old`. */
const replacementFor = (old: Json): fc.Arbitrary<Json> =>
  fc
    .oneof(
      fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, '', 'x', '100', [], {}),
      typeof old === 'number'
        ? fc.integer({ min: -1_000_000, max: 1_000_000 })
        : typeof old === 'string'
          ? fc.oneof(fc.string({ maxLength: 12 }), fc.constant(`${old}x`))
          : fc.jsonValue({ maxDepth: 1 }),
    )
    .filter((next) => JSON.stringify(next) !== JSON.stringify(old));

/**
 * An arbitrary damaged copy of `events` (plain JSON copies; the originals are not touched).
 * `events` must hold at least one event.
 */
export function logMutation(events: readonly unknown[]): fc.Arbitrary<LogMutation> {
  const plain = JSON.parse(JSON.stringify(events)) as Json[];
  const n = plain.length;
  const index = fc.integer({ min: 0, max: n - 1 });
  const changeField = index.chain((at) => {
    const paths = leafPaths(plain[at]);
    return fc.constantFrom(...paths).chain((path) =>
      replacementFor(getAt(plain[at], path)).map((leaf) => {
        const copy = plain.slice();
        copy[at] = setAt(plain[at], path, leaf);
        return {
          description: `event ${at}: ${path.join('.')} = ${JSON.stringify(leaf)}`,
          events: copy,
        };
      }),
    );
  });
  const drop = index.map((at) => ({
    description: `event ${at} dropped`,
    events: plain.filter((_, i) => i !== at),
  }));
  const duplicate = index.map((at) => ({
    description: `event ${at} duplicated`,
    events: [...plain.slice(0, at + 1), plain[at], ...plain.slice(at + 1)],
  }));
  const swap =
    n < 2
      ? drop
      : fc.integer({ min: 0, max: n - 2 }).map((at) => ({
          description: `events ${at} and ${at + 1} swapped`,
          events: [...plain.slice(0, at), plain[at + 1], plain[at], ...plain.slice(at + 2)],
        }));
  // Dropped, duplicated and moved events, renumbered so that only the content tells.
  const renumbered = fc.oneof(drop, duplicate, swap).map((mutation) => ({
    description: `${mutation.description}, seq renumbered`,
    events: mutation.events.map((event, i) =>
      event !== null && typeof event === 'object' ? { ...(event as object), seq: i + 1 } : event,
    ),
  }));
  return fc.oneof(changeField, drop, duplicate, swap, renumbered);
}
