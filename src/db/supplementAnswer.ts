/**
 * The applicant's online answer to a 补正告知: its files (`supplement`) and the
 * `SupplementReceived` event naming them, in one transaction — all of it is kept, or none.
 */
import type { NewCaseFile } from './caseFiles.ts';
import { attachCaseFile } from './caseFiles.ts';
import { type Actor, appendEvent } from './cases.ts';
import type { Db } from './database.ts';

export interface SupplementAnswer {
  text: string;
  files: Omit<NewCaseFile, 'purpose'>[];
}

export async function answerSupplement(
  db: Db,
  applicationId: number,
  answer: SupplementAnswer,
  actor: Actor & { agencyId: number; today: string },
): Promise<void> {
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const fileIds: number[] = [];
    for (const file of answer.files) {
      const stored = await attachCaseFile(
        tx,
        applicationId,
        { ...file, purpose: 'supplement', on: actor.today },
        { ...actor, userId: null },
      );
      fileIds.push(stored.id);
    }
    await appendEvent(
      tx,
      applicationId,
      {
        type: 'SupplementReceived',
        on: actor.today,
        by: 'applicant',
        ...(answer.text ? { text: answer.text } : {}),
        ...(fileIds.length > 0 ? { fileIds } : {}),
      },
      { ...actor, userId: null },
    );
  });
}
