// Small checks that every folder's hand-written fast paths share, written once.

/** The longest caller-supplied id (`idSchema`). */
export const MAX_ID_LENGTH = 200;

/** True for an object made by `{}` or `Object.create(null)`: no class, no array, no inherited fields. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * True when no UTF-16 unit of `text` from `start` on is a control character: `\p{Cc}` is
 * exactly U+0000 to U+001F and U+007F to U+009F, none of them a surrogate, so units and code
 * points agree. A loop, because a regular expression costs more than the whole check on a
 * short id.
 */
export function hasNoControl(text: string, start = 0): boolean {
  for (let at = start; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return false;
  }
  return true;
}

/** True when `text` from `start` is 1 to `max` UTF-16 units, none of them a control character. */
export function isIdText(text: string, start = 0, max = MAX_ID_LENGTH): boolean {
  const length = text.length - start;
  return length >= 1 && length <= max && hasNoControl(text, start);
}

/** True for an id that `idSchema` accepts. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && isIdText(value);
}
