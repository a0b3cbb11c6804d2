/**
 * A live core object: anything that tells listeners of changes and hands out a snapshot.
 * Every stateful object of `@lanewise/core` has this shape.
 */
export interface LiveSource<S = unknown> {
  subscribe(listener: () => void): () => void;
  snapshot(): S;
}

/** True when `value` looks like a {@link LiveSource}. */
export function isLiveSource(value: unknown): value is LiveSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LiveSource).subscribe === 'function' &&
    typeof (value as LiveSource).snapshot === 'function'
  );
}
