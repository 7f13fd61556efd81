import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getPublishedItem } from '../../src/db/catalogPortal.ts';
import { publicationLog } from '../../src/db/publications/aggregate.ts';
import { listAttachments, titleAttachment } from '../../src/db/publications/attachments.ts';
import { publicationState } from '../../src/db/publications/read.ts';
import {
  recordConfidentialityReview,
  reviewPublication,
} from '../../src/db/publications/review.ts';
import { createApp } from '../../src/web/app.tsx';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { pdfWith } from './fixtures.ts';
import { catalogFixture, draftWithFile } from './support.ts';

describeEachDatabase('attachments with display titles', (database) => {
  test('the drafter titles a file: an event in the log, the row, the portal shows the title', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'titles');
    const { item, file } = await draftWithFile(db, f, 'IMG_0042.pdf', pdfWith('活动安排'));
    await assert.rejects(
      titleAttachment(db, f.agency.id, item.id, file.id, '活动海报', f.reviewer),
      { code: 'catalog.role' },
    );
    await assert.rejects(
      titleAttachment(db, f.agency.id, item.id, file.id + 999, '活动海报', f.drafter),
      { code: 'catalog.attachment.missing' },
    );
    await titleAttachment(db, f.agency.id, item.id, file.id, '宣传月活动海报', f.drafter);
    const [listed] = await listAttachments(db, item.id);
    assert.equal(listed.title, '宣传月活动海报');
    const log = await publicationLog(db, item.id);
    assert.deepEqual(
      log.filter((e) => e.type === 'attachment-titled').map((e) => 'title' in e && e.title),
      ['宣传月活动海报'],
    );

    await reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.drafter);
    await assert.rejects(
      titleAttachment(db, f.agency.id, item.id, file.id, '改名', f.drafter),
      { code: 'catalog.attachment.state' },
      'only while it is a draft',
    );
    await reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 1 }, f.reviewer);
    await reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 2 }, f.office);
    await recordConfidentialityReview(db, f.agency.id, item.id, { conclusion: 'public' }, f.office);
    await reviewPublication(db, f.agency.id, item.id, { type: 'approve', step: 3 }, f.office2);
    const published = await getPublishedItem(db, f.agency.id, item.id);
    assert.equal(published?.files[0].title, '宣传月活动海报');
    const app = createApp({ database: database(), secret: 'test-secret' });
    const html = await (await new TestClient(app).get(`/a/titles/items/${item.id}`)).text();
    assert.match(html, />宣传月活动海报<\/a>/);
    assert.doesNotMatch(html, /IMG_0042/);
  });

  test('a personal name in a title is found by the privacy scan; an empty title clears it', async () => {
    const { db } = database();
    const f = await catalogFixture(db, 'titles2');
    const { item, file } = await draftWithFile(db, f, 'a.pdf', pdfWith('活动安排'));
    await titleAttachment(db, f.agency.id, item.id, file.id, '联系人手机13907321234', f.drafter);
    const state = await publicationState(db, f.agency.id, item.id);
    assert.ok(
      state.findings.some((x) => x.source === '附件标题'),
      JSON.stringify(state.findings),
    );
    await titleAttachment(db, f.agency.id, item.id, file.id, '', f.drafter);
    assert.equal((await listAttachments(db, item.id))[0].title, null);
    assert.equal((await publicationState(db, f.agency.id, item.id)).findings.length, 0);
  });
});
