import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

/** A capability's routes and the path its parent mounts them under. */
export type Mount = readonly [path: string, routes: Hono<AppEnv>];

/** Mounts each capability's routes, in the order listed (Hono matches in that order). */
export function mountAll(parent: Hono<AppEnv>, mounts: readonly Mount[]): void {
  for (const [path, routes] of mounts) parent.route(path, routes);
}
