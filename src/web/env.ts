import type { Agency } from '../db/agencies.ts';
import type { Database } from '../db/database.ts';
import type { Membership } from '../db/users.ts';
import type { JobPool } from '../jobs/pool.ts';
import type { Role } from '../law/roles.ts';

export interface SessionUser {
  userId: number;
  username: string;
  displayName: string;
  memberships: Membership[];
}

/** Hono environment: what every handler can read from the context. */
export interface AppEnv {
  Variables: {
    database: Database;
    /** The worker pool for heavy work (parsing, extraction, rendering). */
    jobs: JobPool;
    secret: string;
    user: SessionUser | null;
    csrfToken: string;
    clientIp: string;
    secure: boolean;
    /** Set by the agency guard on /admin/:agency routes. */
    agency: Agency;
    roles: Role[];
    /** Set by a streamed page (web/progressPage.tsx): admission holds its slot until then. */
    streamDone?: Promise<void>;
  };
}
