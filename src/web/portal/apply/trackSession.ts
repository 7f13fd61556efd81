/**
 * The tracking session: after the query code and phone digits are checked once, the browser
 * holds a signed cookie naming that one application, for 30 minutes. It is bound to the agency,
 * the case and the browser (its CSRF cookie), so it opens nothing else: every page and download
 * under /track reads the case from here, never from an id in the request.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';
import { receiptOwner } from '../../security/onceToken.tsx';

const cookieName = 'gk_track';
export const TRACK_SESSION_MS = 30 * 60 * 1000;

type C = Context<AppEnv>;

const trackPath = (agencyCode: string) => `/a/${agencyCode}/track`;

function signature(c: C, agencyId: number, applicationId: number, expires: number) {
  return createHmac('sha256', c.get('secret'))
    .update(`track:${agencyId}:${applicationId}:${expires}:${receiptOwner(c)}`)
    .digest('base64url');
}

export function startTrackSession(
  c: C,
  agency: { id: number; code: string },
  applicationId: number,
) {
  const expires = Date.now() + TRACK_SESSION_MS;
  setCookie(
    c,
    cookieName,
    `${applicationId}.${expires}.${signature(c, agency.id, applicationId, expires)}`,
    {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('secure'),
      path: trackPath(agency.code),
      maxAge: TRACK_SESSION_MS / 1000,
    },
  );
}

/** The application this browser may see, or null (no session, expired, or not for this agency). */
export function trackedApplication(c: C, agency: { id: number; code: string }): number | null {
  const match = /^(\d{1,9})\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(getCookie(c, cookieName) ?? '');
  if (!match) return null;
  const [, id, expires, presented] = match;
  if (Number(expires) < Date.now()) return null;
  const expected = Buffer.from(signature(c, agency.id, Number(id), Number(expires)));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(id) : null;
}

export function endTrackSession(c: C, agency: { code: string }) {
  deleteCookie(c, cookieName, { path: trackPath(agency.code) });
}
