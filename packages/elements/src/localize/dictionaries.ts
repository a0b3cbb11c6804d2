/**
 * A string said differently by count: `one` and `other` as `Intl.PluralRules` names them.
 * Chinese has one form, so its plural terms are plain strings.
 */
export interface PluralTerm {
  readonly one: string;
  readonly other: string;
}

/** One entry of a dictionary: a string with `{name}` placeholders, or a plural term. */
export type Term = string | PluralTerm;

/**
 * The shape every other language must match for the English terms `E`: the same keys, a
 * string where English has a string, a string or a plural term where English has a plural.
 * A missing or extra key is a type error.
 */
export type TermsLike<E> = {
  readonly [K in keyof E]: E[K] extends string ? string : Term;
};

/** The English strings every component shares; every language has exactly these keys. */
export const en = {
  loading: 'Loading…',
  empty: 'Nothing to show yet.',
  emptyHint: 'Give this widget a src, data or a live object to show something here.',
  errorTitle: 'Could not show this',
  retry: 'Try again',
  httpFailed: 'Could not load {url}: the server answered HTTP {status}.',
  networkFailed: 'Could not reach {url}. Check the connection and try again.',
  notJson: '{url} did not answer with JSON.',
  badData: 'The data has a mistake: {detail}',
  badRecord: 'in {list}, record {index}{id}, field “{field}”: {sentence}',
  badRecordWhole: 'in {list}, record {index}{id}: {sentence}',
  badRecordId: ' (“{id}”)',
  theList: 'the list',
  badField: 'field “{field}”: {sentence}',
  liveFailed: 'The live data could not be read.',
  entries: { one: '{count} entry', other: '{count} entries' },
  hoursMinutes: '{hours} h {minutes} min',
  hoursOnly: '{hours} h',
  minutesOnly: '{minutes} min',
} as const;

/** The keys of the shared dictionary. */
export type MessageKey = keyof typeof en;

/** The keys whose English term is a plural. */
export type PluralKey = {
  [K in MessageKey]: (typeof en)[K] extends PluralTerm ? K : never;
}[MessageKey];

/** A dictionary of the shared strings. `{name}` marks a value filled in at use. */
export type Dictionary = TermsLike<typeof en>;

/** Simplified Chinese strings. */
export const zhCN: Dictionary = {
  loading: '加载中…',
  empty: '暂无数据。',
  emptyHint: '为此组件设置 src、data 或实时对象后，内容将显示在这里。',
  errorTitle: '无法显示',
  retry: '重试',
  httpFailed: '无法加载 {url}：服务器返回 HTTP {status}。',
  networkFailed: '无法连接 {url}，请检查网络后重试。',
  notJson: '{url} 返回的不是 JSON。',
  badData: '数据有误：{detail}',
  badRecord: '{list} 的第 {index} 条记录{id}，字段“{field}”：{sentence}',
  badRecordWhole: '{list} 的第 {index} 条记录{id}：{sentence}',
  badRecordId: '（“{id}”）',
  theList: '列表',
  badField: '字段“{field}”：{sentence}',
  liveFailed: '无法读取实时数据。',
  entries: '{count} 条记录',
  hoursMinutes: '{hours} 小时 {minutes} 分',
  hoursOnly: '{hours} 小时',
  minutesOnly: '{minutes} 分',
};

/** The languages shipped. */
export const dictionaries = { 'zh-CN': zhCN, en } as const satisfies Record<string, Dictionary>;

/** A shipped language tag. */
export type Locale = keyof typeof dictionaries;

/** A component's own strings in every shipped language; see {@link defineTerms}. */
export type TermSet<E> = { readonly en: E; readonly 'zh-CN': TermsLike<E> };

/**
 * A component's own strings, English first and Chinese checked against it: a key missing from
 * one language is a type error. Used with `this.localize.term(set, key)`.
 *
 * @example
 * ```ts
 * const terms = defineTerms({
 *   en: { title: 'Hours', total: { one: '{count} hour', other: '{count} hours' } },
 *   'zh-CN': { title: '时长', total: '{count} 小时' },
 * });
 * ```
 */
export function defineTerms<const E extends Record<string, Term>>(set: TermSet<E>): TermSet<E> {
  return set;
}

/** Fills `{name}` placeholders from `values`; an unknown name stays as written. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
