import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { scanFile } from '../../src/catalog/attachments/scan.ts';
import { listAudit } from '../../src/db/audit.ts';
import {
  addAttachment,
  cleanAttachment,
  listAttachments,
} from '../../src/db/publications/attachments.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import { getPublication, listEvents } from '../../src/db/publications/read.ts';
import { overridePrivacy, reviewPublication } from '../../src/db/publications/review.ts';
import { publications } from '../../src/db/schema/catalog.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { docx, encryptedPdf, para, phone, xlsx } from './hostileFiles.ts';
import { catalogFixture, publishThroughChain, sampleInput } from './support.ts';

describeEachDatabase(
  'privacy scan in the catalogue: fail closed, override, cleaned copy',
  (database) => {
    test('an encrypted attachment blocks the item until the office overrides it with a reason (audited, in the history); the portal serves only what is released', async () => {
      const { db } = database();
      const f = await catalogFixture(db, 'scanblock');
      const publisher = f.office2;
      const item = await createPublication(
        db,
        f.agency.id,
        sampleInput(f.category('gzdt')),
        f.drafter,
      );
      const file = await addAttachment(
        db,
        f.agency.id,
        item.id,
        { filename: '名单.pdf', data: encryptedPdf() },
        f.drafter,
      );
      const stored = (await getPublication(db, f.agency.id, item.id))!;
      assert.deepEqual(
        (stored.privacyFindings as { kind: string; part: string }[]).map((x) => [x.kind, x.part]),
        [['unreadable', '整个文件']],
      );
      await assert.rejects(
        reviewPublication(db, f.agency.id, item.id, { type: 'submit' }, f.drafter),
        {
          code: 'catalog.review.privacy',
        },
      );
      const app = createApp({ database: database(), secret: 'test' });
      const url = `/a/${f.agency.code}/items/${item.id}/files/${file.id}`;
      assert.equal((await app.request(url)).status, 404, 'a draft is not public');

      await assert.rejects(overridePrivacy(db, f.agency.id, item.id, '已核', f.office), {
        code: 'catalog.override.reason',
      });
      await assert.rejects(
        overridePrivacy(db, f.agency.id, item.id, '已人工核对，无个人信息', f.drafter),
        { code: 'catalog.role' },
      );
      await overridePrivacy(db, f.agency.id, item.id, '已用密码打开人工核对，无个人信息', f.office);
      const audits = await listAudit(db, {
        agencyId: f.agency.id,
        action: 'catalog.privacy-override',
      });
      assert.equal(audits.length, 1);
      assert.equal(
        (audits[0].details as { reason: string }).reason,
        '已用密码打开人工核对，无个人信息',
      );
      const history = await listEvents(db, item.id);
      const overridden = history.find((e) => e.kind === 'privacy-override');
      assert.equal(
        (overridden?.details as { reason?: string } | undefined)?.reason,
        '已用密码打开人工核对，无个人信息',
      );

      await publishThroughChain(db, f, item.id, publisher);
      const released = await app.request(url);
      assert.equal(released.status, 200);
      assert.deepEqual(Buffer.from(await released.arrayBuffer()), encryptedPdf());

      // Without the override (as for a file published before the scan read every part) it is refused.
      await db
        .update(publications)
        .set({ privacyOverride: null })
        .where(eq(publications.id, item.id));
      const refused = await app.request(url);
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /未通过隐私检查/);
    });

    test('a cleaned copy replaces a DOCX whose personal data is only in properties, comments, revisions and hidden text', async () => {
      const { db } = database();
      const f = await catalogFixture(db, 'scanclean');
      const publisher = f.office2;
      const item = await createPublication(
        db,
        f.agency.id,
        sampleInput(f.category('gzdt')),
        f.drafter,
      );
      const dirty = await docx(
        para('关于开展宣传月活动的通知') +
          `<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>电话${phone}</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>联系窗口</w:t></w:r></w:ins></w:p>` +
          para(`备注${phone}`, '<w:vanish w:val="true"/>') +
          `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>正文</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
        {
          'docProps/core.xml': `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${phone}</dc:creator></cp:coreProperties>`,
          'word/comments.xml': `<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="张某">${para(`请联系${phone}`)}</w:comment></w:comments>`,
        },
      );
      const before = await scanFile(dirty, '通知.docx');
      assert.deepEqual([...new Set(before.findings.map((x) => x.kind))].sort(), [
        'docx-comment',
        'hidden-text',
        'mobile',
        'tracked-change',
      ]);
      const original = await addAttachment(
        db,
        f.agency.id,
        item.id,
        { filename: '通知.docx', data: dirty },
        f.drafter,
      );
      await assert.rejects(cleanAttachment(db, f.agency.id, item.id, original.id, f.reviewer), {
        code: 'catalog.role',
      });
      const cleaned = await cleanAttachment(db, f.agency.id, item.id, original.id, f.drafter);
      const files = await listAttachments(db, item.id);
      assert.deepEqual(
        files.map((x) => x.id),
        [cleaned.id],
        'the copy replaces the original',
      );
      assert.deepEqual(cleaned.hidden, []);
      assert.deepEqual((await getPublication(db, f.agency.id, item.id))!.privacyFindings, []);
      assert.ok(
        (await listAudit(db, { agencyId: f.agency.id, action: 'catalog.attachment-cleaned' }))
          .length === 1,
      );
      assert.ok((await listEvents(db, item.id)).some((e) => e.kind === 'attachment-cleaned'));

      await publishThroughChain(db, f, item.id, publisher);
      const app = createApp({ database: database(), secret: 'test' });
      const served = await app.request(`/a/${f.agency.code}/items/${item.id}/files/${cleaned.id}`);
      assert.equal(served.status, 200);
      const copy = Buffer.from(await served.arrayBuffer());
      const again = await scanFile(copy, '通知.docx');
      assert.deepEqual(again.findings, [], 'the published copy scans clean');
      assert.match(again.searchText, /关于开展宣传月活动的通知/);
      assert.match(again.searchText, /联系窗口/, 'insertions are kept');
      assert.equal(
        (await app.request(`/a/${f.agency.code}/items/${item.id}/files/${original.id}`)).status,
        404,
        'the original is not served',
      );
    });

    test('the same file uploaded twice at once (a double click) is attached once, with one event', async () => {
      const { db } = database();
      const f = await catalogFixture(db, 'scantwice');
      const item = await createPublication(
        db,
        f.agency.id,
        sampleInput(f.category('gzdt')),
        f.drafter,
      );
      const data = await docx(para('工作动态正文'));
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          addAttachment(db, f.agency.id, item.id, { filename: '动态.docx', data }, f.drafter),
        ),
      );
      assert.equal(a.id, b.id);
      assert.equal((await listAttachments(db, item.id)).length, 1);
      const added = (await listEvents(db, item.id)).filter((e) => e.kind === 'attachment-added');
      assert.equal(added.length, 1);
      const other = await addAttachment(
        db,
        f.agency.id,
        item.id,
        { filename: '动态2.docx', data: await docx(para('另一份正文')) },
        f.drafter,
      );
      assert.notEqual(other.id, a.id, 'a different file is a new attachment');
    });

    test('no cleaned copy when the personal data is in the visible text or a hidden sheet', async () => {
      const { db } = database();
      const f = await catalogFixture(db, 'scannoclean');
      const item = await createPublication(
        db,
        f.agency.id,
        sampleInput(f.category('gzdt')),
        f.drafter,
      );
      for (const [name, data] of [
        ['正文.docx', await docx(para(`联系电话${phone}`))],
        [
          '表.xlsx',
          await xlsx({
            sheet2: { state: 'hidden', xml: '<worksheet><sheetData/></worksheet>' },
            parts: {
              'docProps/core.xml': `<cp:coreProperties xmlns:cp="x"><dc:creator xmlns:dc="y">${phone}</dc:creator></cp:coreProperties>`,
            },
          }),
        ],
      ] as const) {
        const file = await addAttachment(
          db,
          f.agency.id,
          item.id,
          { filename: name, data },
          f.drafter,
        );
        await assert.rejects(
          cleanAttachment(db, f.agency.id, item.id, file.id, f.drafter),
          (e: Error & { code?: string }) => {
            assert.equal(e.code, 'catalog.clean.not-clean');
            assert.match(e.message, /清理后的副本仍有/);
            return true;
          },
        );
      }
      assert.equal((await listAttachments(db, item.id)).length, 2, 'nothing was replaced');
    });
  },
);
