/** Times shown to users are Beijing time (UTC+8, no daylight saving), whatever the server's zone. */
const beijingOffsetMs = 8 * 60 * 60 * 1000;

/** `2026-12-06 15:04` in Beijing time. */
export function beijingDateTime(at: Date): string {
  return new Date(at.getTime() + beijingOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-12-06`: the Beijing calendar day of an instant. */
export function beijingDate(at: Date): string {
  return beijingDateTime(at).slice(0, 10);
}
