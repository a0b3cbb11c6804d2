// Every error answer is `{ error: { code, message, path } }`, the message in the caller's
// language (Accept-Language; zh-CN by default): the core's sentences for the core's errors,
// the server's own for what only a server can get wrong (tokens, media types, sizes).
import { formatError, LanewiseError, type ErrorCode } from '@lanewise/core/errors';
import { CommunityRefusedError, ConflictError } from '../communities/registry.js';

/** Codes only the server gives. */
export type ServerErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED';

const SERVER_MESSAGES: Record<ServerErrorCode, { zh: string; en: string }> = {
  UNAUTHORIZED: {
    zh: '需要有效的访问令牌（Authorization: Bearer …）。',
    en: 'A valid access token is required (Authorization: Bearer …).',
  },
  FORBIDDEN: { zh: '当前身份无权执行此操作。', en: 'Your role may not do this.' },
  NOT_FOUND: { zh: '没有这个地址。', en: 'There is nothing at this address.' },
  CONFLICT: {
    zh: '另一项写入刚刚抢先完成，请刷新后重试。',
    en: 'Another write got there first; reload and try again.',
  },
  PAYLOAD_TOO_LARGE: { zh: '请求内容过大。', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '请求内容须为 JSON（Content-Type: application/json）。',
    en: 'The request body must be JSON (Content-Type: application/json).',
  },
  METHOD_NOT_ALLOWED: { zh: '此地址不支持该方法。', en: 'This address does not take that method.' },
};

/** An error the server answers with a status of its own choosing. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode | ErrorCode,
    readonly path: readonly (string | number)[] = [],
    readonly inner?: unknown,
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

/** The status of each core error: bad input 400, a move the state does not allow 409. */
const CORE_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_LOG: 400,
  NOT_FOUND: 404,
  ID_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DURATION_LIMIT: 400,
  FUTURE_ENTRY: 400,
  OVERLAP: 409,
  SELF_APPROVAL: 409,
  INSUFFICIENT_POINTS: 409,
  ALREADY_RESOLVED: 409,
  OUT_OF_STOCK: 409,
  LIMIT_REACHED: 409,
  INVALID_RULES: 400,
  TOO_LATE: 409,
};

const isChinese = (locale: string) => /^zh\b/i.test(locale);

/** The first language of an Accept-Language header that the messages have; zh-CN by default. */
export function localeOf(header: string | undefined): string {
  if (!header) return 'zh-CN';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (isChinese(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'zh-CN';
}

/** The body and status of an error answer. */
export function errorAnswer(
  error: unknown,
  locale: string,
): {
  status: number;
  body: { error: { code: string; message: string; path: (string | number)[] } };
} {
  if (error instanceof ConflictError) error = new HttpError(409, 'CONFLICT');
  // The stored log is the server's to keep: a damaged one is the server's fault, not the caller's.
  if (error instanceof CommunityRefusedError) {
    error = new HttpError(500, 'INVALID_LOG', error.inner.path, error.inner);
  }
  if (error instanceof HttpError) {
    const inner = error.inner instanceof LanewiseError ? error.inner : undefined;
    const message =
      inner !== undefined
        ? formatError(inner, locale)
        : error.code in SERVER_MESSAGES
          ? SERVER_MESSAGES[error.code as ServerErrorCode][isChinese(locale) ? 'zh' : 'en']
          : formatError(new LanewiseError(error.code as ErrorCode, error.code), locale);
    return {
      status: error.status,
      body: { error: { code: error.code, message, path: [...error.path] } },
    };
  }
  if (error instanceof LanewiseError) {
    return {
      status: CORE_STATUS[error.code] ?? 400,
      body: {
        error: { code: error.code, message: formatError(error, locale), path: [...error.path] },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: formatError(error, locale), path: [] } },
  };
}
