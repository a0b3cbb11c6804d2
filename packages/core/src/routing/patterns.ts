// `matches` patterns, checked when a rule set compiles so that no rule set can make routing
// slow. JavaScript's regular expressions backtrack: `^(a+)+$` takes exponential time on
// "aaaa…b", and `a*a*a*b` polynomial time of a high degree. The check reads the pattern's
// structure and refuses what could backtrack badly (the rules are in docs/routing.md,
// "Patterns"); the text a pattern runs on is cut to PATTERN_TEXT_LIMIT characters, so the
// work of one match is bounded by PATTERN_TEXT_LIMIT times the pattern's cost.

/** The longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 1_000;

/** A pattern sees at most this many characters (UTF-16 code units) of a field: the first ones. */
export const PATTERN_TEXT_LIMIT = 1_000;

/**
 * The most ways a pattern may have to try at one position of the text: the product of the
 * choices its repetitions give (an unbounded repetition counts as `PATTERN_TEXT_LIMIT + 1`
 * choices), summed over alternatives. One match tries at most `PATTERN_TEXT_LIMIT + 1`
 * positions, so its work is bounded by about `1001 × MAX_PATTERN_COST` steps (a few
 * milliseconds).
 */
export const MAX_PATTERN_COST = 5_000;

/** The most the costs of all the patterns of one rule set may add up to. */
export const MAX_RULE_SET_PATTERN_COST = 20_000;

/** Why a pattern is refused: it does not compile, or it could be slow. */
export interface PatternProblem {
  readonly code: 'BAD_PATTERN' | 'SLOW_PATTERN';
  readonly message: string;
}

/** The text a pattern runs on: the first `PATTERN_TEXT_LIMIT` characters. */
export function patternText(text: string): string {
  return text.length > PATTERN_TEXT_LIMIT ? text.slice(0, PATTERN_TEXT_LIMIT) : text;
}

/** What a group or a single item contributes: its cost, and what it contains. */
interface Part {
  cost: number;
  /** It contains a quantifier. */
  quantified: boolean;
  /** It contains an alternation `|`. */
  alternated: boolean;
}

/** A group being read: the sum of its finished alternatives and the product of the current one. */
interface Frame extends Part {
  sum: number;
}

const CAP = 1e15;
const times = (a: number, b: number) => Math.min(a * b, CAP);
const QUANTIFIER = /^\{(\d+)(?:(,)(\d*))?\}/;

const slow = (message: string): PatternProblem => ({ code: 'SLOW_PATTERN', message });

/**
 * The cost of a pattern that compiles (see {@link MAX_PATTERN_COST}), or the problem that
 * refuses it outright: a backreference, a lookbehind, or a repeated group that contains a
 * quantifier or an alternation.
 */
export function patternCost(pattern: string, flags = ''): number | PatternProblem {
  const unicode = flags.includes('u') || flags.includes('v');
  const sets = flags.includes('v');
  const stack: Frame[] = [];
  let frame: Frame = { cost: 1, sum: 0, quantified: false, alternated: false };
  let pending: Part | undefined;
  const commit = () => {
    if (pending === undefined) return;
    frame.cost = times(frame.cost, pending.cost);
    frame.quantified ||= pending.quantified;
    frame.alternated ||= pending.alternated;
    pending = undefined;
  };
  const item = (): Part => ({ cost: 1, quantified: false, alternated: false });

  for (let i = 0; i < pattern.length;) {
    const char = pattern[i] as string;
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next >= '1' && next <= '9') return slow('backreferences (\\1) are not allowed');
      if (next === 'k' && pattern[i + 2] === '<') {
        return slow('backreferences (\\k<name>) are not allowed');
      }
      let end = i + 2;
      if (unicode && (next === 'p' || next === 'P' || next === 'u') && pattern[end] === '{') {
        end = pattern.indexOf('}', end) + 1;
      }
      commit();
      pending = item();
      i = end;
      continue;
    }
    if (char === '[') {
      let j = i + 1;
      let depth = 0;
      while (j < pattern.length) {
        const c = pattern[j];
        if (c === '\\') j += 1;
        else if (sets && c === '[') depth += 1;
        else if (c === ']') {
          if (depth === 0) break;
          depth -= 1;
        }
        j += 1;
      }
      commit();
      pending = item();
      i = j + 1;
      continue;
    }
    if (char === '(') {
      commit();
      let start = i + 1;
      if (pattern[start] === '?') {
        const kind = pattern[start + 1];
        if (kind === '<' && (pattern[start + 2] === '=' || pattern[start + 2] === '!')) {
          return slow('lookbehind ((?<= and (?<!) is not allowed');
        }
        if (kind === ':' || kind === '=' || kind === '!') start += 2;
        else if (kind === '<') start = pattern.indexOf('>', start) + 1;
        else start = pattern.indexOf(':', start) + 1; // modifiers, (?i:...)
      }
      stack.push(frame);
      frame = { cost: 1, sum: 0, quantified: false, alternated: false };
      i = start;
      continue;
    }
    if (char === '|') {
      commit();
      frame.sum = Math.min(frame.sum + frame.cost, CAP);
      frame.cost = 1;
      frame.alternated = true;
      i += 1;
      continue;
    }
    if (char === ')') {
      commit();
      const done = frame;
      frame = stack.pop() ?? frame;
      pending = {
        cost: Math.min(done.sum + done.cost, CAP),
        quantified: done.quantified,
        alternated: done.alternated,
      };
      i += 1;
      continue;
    }
    let min = -1;
    let max = -1;
    let length = 1;
    if (char === '*' || char === '+' || char === '?') {
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Infinity;
    } else if (char === '{') {
      const match = QUANTIFIER.exec(pattern.slice(i, i + 40));
      if (match) {
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity;
        length = match[0].length;
      }
    }
    if (min < 0 || pending === undefined) {
      // An ordinary character (a `{` that starts no quantifier is one too).
      commit();
      pending = item();
      i += 1;
      continue;
    }
    if (pattern[i + length] === '?') length += 1; // lazy: the same choices, tried in another order
    if (max > 1 && (pending.quantified || pending.alternated)) {
      return slow(
        'a repeated group may not contain a quantifier or an alternation: (a+)+ or (a|ab)* can take exponential time; write a+ or [ab]* instead',
      );
    }
    const cost =
      max <= 1
        ? max === 0
          ? 1
          : pending.cost + (min === 0 ? 1 : 0)
        : Math.min(max, PATTERN_TEXT_LIMIT) - Math.min(min, PATTERN_TEXT_LIMIT) + 1;
    pending = { cost: Math.max(cost, 1), quantified: true, alternated: pending.alternated };
    i += length;
  }
  commit();
  return Math.min(frame.sum + frame.cost, CAP);
}

/** The cost of a `matches` pattern that may be used, or the problem that refuses it. */
export function checkPattern(pattern: string, flags: string | undefined): number | PatternProblem {
  try {
    new RegExp(pattern, flags ?? '');
  } catch (error) {
    return {
      code: 'BAD_PATTERN',
      message: `not a valid regular expression: ${(error as Error).message}`,
    };
  }
  const cost = patternCost(pattern, flags);
  if (typeof cost !== 'number' || cost <= MAX_PATTERN_COST) return cost;
  const about = cost >= CAP ? 'too many' : `about ${cost}`;
  return slow(
    `the pattern may try ${about} ways at each position of the text, more than ${MAX_PATTERN_COST}: use one unbounded repetition at most, and bounded ones such as .{0,20} for the rest`,
  );
}
