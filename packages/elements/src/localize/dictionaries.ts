/** The English strings; every language has exactly these keys. */
export const en = {
  loading: 'Loading…',
  empty: 'Nothing to show yet.',
  errorTitle: 'Could not show this',
  loadFailed: 'Could not load {url}: {reason}',
  badData: 'The data is not in the expected shape: {reason}',
} as const;

/** The keys of a dictionary. */
export type MessageKey = keyof typeof en;

/** A dictionary: one string for each key. `{name}` marks a value filled in at use. */
export type Dictionary = Record<MessageKey, string>;

/** Simplified Chinese strings. */
export const zhCN: Dictionary = {
  loading: '加载中…',
  empty: '暂无数据。',
  errorTitle: '无法显示',
  loadFailed: '无法加载 {url}：{reason}',
  badData: '数据格式不正确：{reason}',
};

/** The languages shipped. */
export const dictionaries = { 'zh-CN': zhCN, en } as const satisfies Record<string, Dictionary>;

/** A shipped language tag. */
export type Locale = keyof typeof dictionaries;
