import type { Role } from '../schema.ts';

/** Who acts, with their roles in the publication's agency. */
export interface Actor {
  userId: number;
  roles: readonly Role[];
  ip?: string | null;
}

export type { PublicationInput } from '../../catalog/publication/content.ts';

/** The fields every event records about who acted and when. */
export function acted(actor: Actor, today: string) {
  return { by: actor.userId, roles: [...actor.roles], on: today };
}
