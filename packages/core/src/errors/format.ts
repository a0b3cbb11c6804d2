import { LanewiseError } from './error.js';
import type { FieldIssue } from './issues.js';
import { en, issueText, zhCN, type Catalog, type MessageLocale } from './messages.js';

/** The catalog of a BCP 47 tag: Chinese for any `zh` tag, English otherwise. */
function catalogOf(locale: string): Catalog {
  return /^zh\b/i.test(locale) ? zhCN : en;
}

function firstIssue(error: LanewiseError): FieldIssue | undefined {
  const issues = error.details['issues'];
  return Array.isArray(issues) ? (issues[0] as FieldIssue | undefined) : undefined;
}

/**
 * The message of an error in a person's language: `zh-CN` (any `zh` tag) or `en`. A bad field
 * is named by its path and said with what is expected. Anything that is not a
 * {@link LanewiseError} gets a general sentence, never its raw text.
 *
 * @example
 * ```ts
 * try {
 *   ledger.redeem({ id: 'r1', volunteerId: 'v-li', itemId: 'rice' });
 * } catch (error) {
 *   formatError(error, 'zh-CN'); // '积分不足：可用 60 分，需要 300 分。'
 * }
 * ```
 */
export function formatError(error: unknown, locale: MessageLocale | string = 'zh-CN'): string {
  const catalog = catalogOf(locale);
  if (!(error instanceof LanewiseError)) return catalog.unexpected;
  const issue = firstIssue(error);
  const said =
    issue && typeof issue.reason === 'string' && Object.hasOwn(catalog.issue, issue.reason)
      ? issueText(catalog, issue)
      : '';
  return catalog.code[error.code](error.details, said);
}
