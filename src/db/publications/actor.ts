import type { Role } from '../schema.ts';

/** Who acts, with their roles in the publication's agency. */
export interface Actor {
  userId: number;
  roles: readonly Role[];
  ip?: string | null;
}

/** The metadata and body staff type in. */
export interface PublicationInput {
  categoryId: number;
  title: string;
  docNumber?: string | null;
  madeOn: string;
  issuer: string;
  topic?: string | null;
  keywords?: string | null;
  summary?: string | null;
  body: string;
}

/** The fields every event records about who acted and when. */
export function acted(actor: Actor, today: string) {
  return { by: actor.userId, roles: [...actor.roles], on: today };
}
