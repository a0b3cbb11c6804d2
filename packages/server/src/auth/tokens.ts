// Bearer tokens: JWTs signed with a shared secret (HS256), carrying who the caller is, their
// role and their community (and station, for station staff).
import { jwtVerify, SignJWT } from 'jose';
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
  /** The shared secret (at least 32 characters). */
  readonly secret: string;
  /** Expected `iss`, when set. */
  readonly issuer?: string | undefined;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Signs a token for `caller`, valid for `expiresIn` (a jose duration such as `12h`). */
export async function signToken(
  settings: AuthSettings,
  caller: Caller,
  expiresIn = '12h',
): Promise<string> {
  const { sub, ...claims } = claimsSchema.parse(caller);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (settings.issuer) jwt = jwt.setIssuer(settings.issuer);
  return jwt.sign(keyOf(settings.secret));
}

/** The caller of a valid token, or undefined for any token that does not verify. */
export async function verifyToken(
  settings: AuthSettings,
  token: string,
): Promise<Caller | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(settings.secret), {
      algorithms: ['HS256'],
      ...(settings.issuer ? { issuer: settings.issuer } : {}),
    });
    const parsed = claimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
