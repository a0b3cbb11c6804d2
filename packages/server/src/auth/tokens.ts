// Bearer tokens: JWTs signed with a shared secret (HS256) or by an identity provider whose keys
// are published at a JWKS URL, carrying who the caller is, their role and their community (and
// station, for station staff).
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

export const ROLES = ['resident', 'volunteer', 'organizer', 'station', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling. */
export interface Caller {
  readonly sub: string;
  readonly role: Role;
  readonly community: string;
  readonly station?: string | undefined;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(ROLES),
  community: z.string().min(1).max(100),
  station: z.string().min(1).max(100).optional(),
});

/** How tokens are checked. */
export interface AuthSettings {
  /** The shared secret (at least 32 characters): signs and checks HS256 tokens. */
  readonly secret?: string | undefined;
  /** A JWKS URL whose keys check tokens signed by an identity provider (RS256, ES256, EdDSA). */
  readonly jwksUrl?: string | undefined;
  /** Expected `iss`, when set. */
  readonly issuer?: string | undefined;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Remote key sets, fetched once and cached by jose (refetched when a new key id shows up). */
const keySets = new Map<string, JWTVerifyGetKey>();
const keySetOf = (url: string): JWTVerifyGetKey => {
  let set = keySets.get(url);
  if (set === undefined) {
    set = createRemoteJWKSet(new URL(url));
    keySets.set(url, set);
  }
  return set;
};

/** Throws unless the settings can check tokens. */
export function checkAuthSettings(settings: AuthSettings): void {
  if (settings.jwksUrl !== undefined) {
    new URL(settings.jwksUrl);
    return;
  }
  if ((settings.secret ?? '').length < 32) {
    throw new Error('auth needs a secret of at least 32 characters, or a jwksUrl');
  }
}

/** Signs a token for `caller`, valid for `expiresIn` (a jose duration such as `12h`). */
export async function signToken(
  settings: AuthSettings,
  caller: Caller,
  expiresIn = '12h',
): Promise<string> {
  if ((settings.secret ?? '').length < 32)
    throw new Error('signing needs a secret of at least 32 characters');
  const { sub, ...claims } = claimsSchema.parse(caller);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (settings.issuer) jwt = jwt.setIssuer(settings.issuer);
  return jwt.sign(keyOf(settings.secret!));
}

/**
 * Tokens already verified, per settings, until they expire (and at most a few minutes): a
 * signature check costs more than the rest of a write, and clients send one token many times.
 * The claims of a verified token cannot change, so the cache answers as the check would.
 */
const verified = new WeakMap<AuthSettings, Map<string, { caller: Caller; until: number }>>();
const VERIFIED_MAX = 10_000;
const VERIFIED_MS = 5 * 60 * 1000;

/** The caller of a valid token, or undefined for any token that does not verify. */
export async function verifyToken(
  settings: AuthSettings,
  token: string,
): Promise<Caller | undefined> {
  let known = verified.get(settings);
  if (known === undefined) {
    known = new Map();
    verified.set(settings, known);
  }
  const hit = known.get(token);
  if (hit !== undefined && Date.now() < hit.until) return hit.caller;
  if (hit !== undefined) known.delete(token);
  const checked = await checkToken(settings, token);
  if (checked !== undefined) {
    if (known.size >= VERIFIED_MAX) known.delete(known.keys().next().value!);
    const expires = checked.exp === undefined ? Infinity : checked.exp * 1000;
    known.set(token, {
      caller: checked.caller,
      until: Math.min(expires, Date.now() + VERIFIED_MS),
    });
  }
  return checked?.caller;
}

async function checkToken(
  settings: AuthSettings,
  token: string,
): Promise<{ caller: Caller; exp: number | undefined } | undefined> {
  try {
    const issuer = settings.issuer ? { issuer: settings.issuer } : {};
    const { payload } =
      settings.jwksUrl !== undefined
        ? await jwtVerify(token, keySetOf(settings.jwksUrl), {
            algorithms: ['RS256', 'ES256', 'EdDSA'],
            ...issuer,
          })
        : await jwtVerify(token, keyOf(settings.secret ?? ''), {
            algorithms: ['HS256'],
            ...issuer,
          });
    const parsed = claimsSchema.safeParse(payload);
    return parsed.success ? { caller: parsed.data, exp: payload.exp } : undefined;
  } catch {
    return undefined;
  }
}
