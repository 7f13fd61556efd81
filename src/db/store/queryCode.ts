/**
 * Creating an application or a petition under a fresh query code. Codes are random, so one may
 * already be taken: the insert then returns no row (`create` writes nothing and returns
 * undefined) and a new code is drawn, a few times before giving up with the aggregate's error.
 */
import { type ErrorCode, GongkaiError } from '../../errors.ts';

const attempts = 5;

export async function withFreshQueryCode(
  code: { draw: () => string; exhausted: ErrorCode },
  create: (queryCode: string) => Promise<{ row: { id: number } } | undefined>,
): Promise<{ id: number; queryCode: string }> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const queryCode = code.draw();
    const created = await create(queryCode);
    if (created) return { id: created.row.id, queryCode };
  }
  throw new GongkaiError(code.exhausted);
}
