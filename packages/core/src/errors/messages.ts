// The sentences of every error code and every kind of bad field, in English and Chinese.
import type { ErrorCode } from './error.js';
import type { FieldIssue, IssueReason } from './issues.js';

/** The languages the core speaks. */
export type MessageLocale = 'en' | 'zh-CN';

type Details = Readonly<Record<string, unknown>>;

/** The sentences of bad fields: all that `parseInput` needs, apart from the codes'. */
export interface FieldCatalog {
  /** `where` is the field's path as text, or '' when the error is not about one field. */
  readonly field: (where: string, text: string) => string;
  readonly issue: Record<IssueReason, (params: Details) => string>;
}

export interface Catalog extends FieldCatalog {
  readonly code: Record<ErrorCode, (details: Details, issue: string) => string>;
  readonly unexpected: string;
}

const text = (value: unknown): string => (value === undefined ? '' : String(value));
const list = (values: unknown, separator: string): string =>
  Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(separator) : '';
const num = (value: unknown, locale: string): string =>
  typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : text(value);

function minutesEn(value: unknown): string {
  if (typeof value !== 'number') return text(value);
  const hours = Math.floor(value / 60);
  const minutes = value % 60;
  return [hours > 0 ? `${hours} h` : '', minutes > 0 || hours === 0 ? `${minutes} min` : '']
    .filter(Boolean)
    .join(' ');
}

function minutesZh(value: unknown): string {
  if (typeof value !== 'number') return text(value);
  const hours = Math.floor(value / 60);
  const minutes = value % 60;
  return [hours > 0 ? `${hours} 小时` : '', minutes > 0 || hours === 0 ? `${minutes} 分` : '']
    .filter(Boolean)
    .join(' ');
}

const TYPES_EN: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};
const TYPES_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是或否（true/false）',
  object: '对象',
  array: '列表',
};
const lookup = (table: Record<string, string>, key: unknown): string =>
  typeof key === 'string' && Object.hasOwn(table, key) ? (table[key] ?? key) : text(key);

const PERIODS_ZH: Record<string, string> = { month: '月', quarter: '季度', year: '年' };

const EXAMPLE_INSTANT = '2025-01-24T09:00:00+08:00';

export const enFields: FieldCatalog = {
  field: (where, sentence) => (where ? `${where}: ${sentence}` : sentence),
  issue: {
    required: () => 'is required',
    type: (p) => `must be ${lookup(TYPES_EN, p['expected'])}`,
    whole_number: () => 'must be a whole number',
    finite_number: () => 'must be a finite number',
    enum: (p) => `must be one of ${list(p['values'], ', ')}`,
    too_small: (p) =>
      p['unit'] === 'characters'
        ? `must be at least ${num(p['minimum'], 'en')} characters long`
        : p['unit'] === 'items'
          ? `must have at least ${num(p['minimum'], 'en')} items`
          : p['exclusive'] === true
            ? `must be greater than ${num(p['minimum'], 'en')}`
            : `must be at least ${num(p['minimum'], 'en')}`,
    too_big: (p) =>
      p['unit'] === 'characters'
        ? `must be at most ${num(p['maximum'], 'en')} characters long`
        : p['unit'] === 'items'
          ? `must have at most ${num(p['maximum'], 'en')} items`
          : p['exclusive'] === true
            ? `must be less than ${num(p['maximum'], 'en')}`
            : `must be at most ${num(p['maximum'], 'en')}`,
    instant: () =>
      `must be an ISO 8601 instant with an offset, for example ${EXAMPLE_INSTANT}, between 1970 and 2999`,
    day: () => 'must be a day as YYYY-MM-DD, for example 2025-01-24',
    time_zone: () => 'must be an IANA time zone such as Asia/Shanghai',
    format: (p) =>
      p['expected'] ? `must be ${text(p['expected'])}` : 'is not in the expected form',
    control_characters: () => 'must not contain control characters',
    unknown_key: () => 'is not a known field',
    after_clock: () => 'must not be later than now',
    decimals: () => 'must have at most 4 decimal places',
    too_early: (p) => `must not be before ${text(p['limit'])}`,
    invalid: (p) => text(p['message']) || 'is not valid',
  },
};

export const en: Catalog = {
  ...enFields,
  code: {
    INVALID_INPUT: (_d, issue) => issue || 'The input is not valid.',
    INVALID_LOG: (d, issue) =>
      d['snapshot'] !== undefined
        ? `The snapshot taken at event ${text(d['snapshot'])} is damaged${issue ? `: ${issue}` : ''}. Nothing was loaded from it.`
        : `The log is damaged at event ${text(d['index'])}${issue ? `: ${issue}` : ''}. Nothing was loaded from it.`,
    NOT_FOUND: (d) =>
      d['id'] === undefined ? 'Not found.' : `Nothing has the id "${text(d['id'])}".`,
    ID_CONFLICT: (d) => `The id "${text(d['id'])}" is already used by a different record.`,
    INVALID_TRANSITION: (d) =>
      d['status'] === undefined
        ? 'This cannot be done in the record’s current state.'
        : `This cannot be done while the record is ${text(d['status'])}.`,
    DURATION_LIMIT: (d) =>
      `An entry may last at most ${minutesEn(d['maxMinutesPerEntry'])}; this one lasts ${minutesEn(d['durationMinutes'])}.`,
    FUTURE_ENTRY: () => 'The entry ends in the future.',
    OVERLAP: () => 'The entry overlaps another entry of the same volunteer.',
    SELF_APPROVAL: (d) =>
      d['role'] === 'recorder'
        ? 'The person who recorded these hours cannot approve them too.'
        : 'Volunteers cannot approve their own hours.',
    INSUFFICIENT_POINTS: (d) =>
      `Not enough points: ${num(d['available'], 'en')} available, ${num(d['asked'] ?? d['amount'], 'en')} needed.`,
    ALREADY_RESOLVED: () => 'This pending transfer was already settled.',
    OUT_OF_STOCK: (d) =>
      d['stock'] === undefined ? 'Out of stock.' : `Out of stock: ${num(d['stock'], 'en')} left.`,
    LIMIT_REACHED: (d) =>
      d['limit'] === undefined
        ? 'The limit is reached.'
        : `The limit is reached: at most ${num(d['limit'], 'en')} per ${text(d['per'])}.`,
    INVALID_RULES: (d) => {
      const count = Array.isArray(d['problems']) ? d['problems'].length : 0;
      return `The routing rules have ${count} ${count === 1 ? 'problem' : 'problems'}.`;
    },
    TOO_LATE: () => 'The deadline for this has passed.',
  },
  unexpected: 'Something went wrong.',
};

export const zhFields: FieldCatalog = {
  field: (where, sentence) => (where ? `${where}：${sentence}` : sentence),
  issue: {
    required: () => '必填',
    type: (p) => `应为${lookup(TYPES_ZH, p['expected'])}`,
    whole_number: () => '应为整数',
    finite_number: () => '应为有限的数字',
    enum: (p) => `应为以下之一：${list(p['values'], '、')}`,
    too_small: (p) =>
      p['unit'] === 'characters'
        ? `至少 ${num(p['minimum'], 'zh-CN')} 个字符`
        : p['unit'] === 'items'
          ? `至少 ${num(p['minimum'], 'zh-CN')} 项`
          : p['exclusive'] === true
            ? `应大于 ${num(p['minimum'], 'zh-CN')}`
            : `不能小于 ${num(p['minimum'], 'zh-CN')}`,
    too_big: (p) =>
      p['unit'] === 'characters'
        ? `最多 ${num(p['maximum'], 'zh-CN')} 个字符`
        : p['unit'] === 'items'
          ? `最多 ${num(p['maximum'], 'zh-CN')} 项`
          : p['exclusive'] === true
            ? `应小于 ${num(p['maximum'], 'zh-CN')}`
            : `不能大于 ${num(p['maximum'], 'zh-CN')}`,
    instant: () =>
      `应为带时区偏移的 ISO 8601 时间，例如 ${EXAMPLE_INSTANT}，年份在 1970 至 2999 之间`,
    day: () => '应为 YYYY-MM-DD 格式的日期，例如 2025-01-24',
    time_zone: () => '应为 IANA 时区名称，例如 Asia/Shanghai',
    format: () => '格式不正确',
    control_characters: () => '不能包含控制字符',
    unknown_key: () => '不是可用的字段',
    after_clock: () => '不能晚于当前时间',
    decimals: () => '最多保留 4 位小数',
    too_early: (p) => `不能早于 ${text(p['limit'])}`,
    invalid: () => '无效',
  },
};

export const zhCN: Catalog = {
  ...zhFields,
  code: {
    INVALID_INPUT: (_d, issue) => issue || '输入无效。',
    INVALID_LOG: (d, issue) =>
      d['snapshot'] !== undefined
        ? `第 ${text(d['snapshot'])} 条事件处的快照已损坏${issue ? `（${issue}）` : ''}，未载入任何内容。`
        : `记录日志在第 ${text(d['index'])} 条事件处损坏${issue ? `（${issue}）` : ''}，未载入任何内容。`,
    NOT_FOUND: (d) =>
      d['id'] === undefined ? '未找到。' : `找不到编号为“${text(d['id'])}”的记录。`,
    ID_CONFLICT: (d) => `编号“${text(d['id'])}”已被另一条不同的记录使用。`,
    INVALID_TRANSITION: () => '记录当前的状态不允许此操作。',
    DURATION_LIMIT: (d) =>
      `单条记录最长 ${minutesZh(d['maxMinutesPerEntry'])}，本条为 ${minutesZh(d['durationMinutes'])}。`,
    FUTURE_ENTRY: () => '记录的结束时间晚于当前时间。',
    OVERLAP: () => '该记录与同一志愿者的另一条记录时间重叠。',
    SELF_APPROVAL: (d) =>
      d['role'] === 'recorder' ? '记录人不能审核自己记录的时长。' : '志愿者不能审核自己的时长。',
    INSUFFICIENT_POINTS: (d) =>
      `积分不足：可用 ${num(d['available'], 'zh-CN')} 分，需要 ${num(d['asked'] ?? d['amount'], 'zh-CN')} 分。`,
    ALREADY_RESOLVED: () => '该笔待处理积分已经处理过。',
    OUT_OF_STOCK: (d) =>
      d['stock'] === undefined ? '库存不足。' : `库存不足：仅剩 ${num(d['stock'], 'zh-CN')} 件。`,
    LIMIT_REACHED: (d) =>
      d['limit'] === undefined
        ? '已达兑换上限。'
        : `已达兑换上限：每${lookup(PERIODS_ZH, d['per'])}最多 ${num(d['limit'], 'zh-CN')} 次。`,
    INVALID_RULES: (d) =>
      `分派规则有 ${Array.isArray(d['problems']) ? d['problems'].length : 0} 处问题。`,
    TOO_LATE: () => '已超过办理期限。',
  },
  unexpected: '出现了意外错误。',
};

/** The sentence of one field issue in a catalog. */
export function issueText(catalog: FieldCatalog, issue: FieldIssue): string {
  const where = issue.path.join('.');
  return catalog.field(
    where,
    catalog.issue[issue.reason]({ message: issue.message, ...issue.params }),
  );
}
