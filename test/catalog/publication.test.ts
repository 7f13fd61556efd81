import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PublicationContent } from '../../src/catalog/publication/content.ts';
import { derive, validityOn } from '../../src/catalog/publication/derive.ts';
import { diffLines } from '../../src/catalog/publication/diff.ts';
import type { PublicationEvent } from '../../src/catalog/publication/events.ts';
import { changesSinceReview, contentVersions } from '../../src/catalog/publication/history.ts';
import { defaultReviewChain } from '../../src/catalog/reviewChain.ts';

const content: PublicationContent = {
  categoryId: 1,
  title: '关于开展宣传月活动的通知',
  docNumber: null,
  madeOn: '2021-03-01',
  issuer: '湘潭县信访局',
  topic: null,
  keywords: null,
  summary: null,
  body: '一、活动时间\n2021年3月全月。',
};
const today = { today: '2021-06-01' };
const chain = defaultReviewChain;
// Users: 1 drafter, 2 reviewer, 3 and 4 office.
const as = (by: number | null, ...roles: string[]) => ({ by, roles, on: '2021-03-05' });
const created: PublicationEvent = { type: 'created', ...as(1, 'drafter'), content, chain };
const submitted: PublicationEvent = { type: 'submitted', ...as(1, 'drafter'), step: 0, chain };
const approve = (step: number, by: number, role: string, consecutiveAllowed = false) =>
  ({ type: 'approved', ...as(by, role), step, consecutiveAllowed }) as PublicationEvent;
const confidential: PublicationEvent = {
  type: 'confidentiality-review',
  ...as(3, 'office'),
  conclusion: 'public',
  note: null,
};
const publish = (by = 4, indexNumber: string | null = '11430321MB16134126/2021-00001') =>
  ({
    type: 'published',
    ...as(by, 'office'),
    step: 3,
    consecutiveAllowed: false,
    indexNumber,
  }) as PublicationEvent;
const inReview = [created, submitted, approve(1, 2, 'reviewer'), approve(2, 3, 'office')];
const published = [...inReview, confidential, publish()];
const edit = (changes: Partial<PublicationContent>, by = 1): PublicationEvent => ({
  type: 'edited',
  ...as(by, 'drafter'),
  changes,
});
const idNumber = '11010519491231002X';

function refused(events: PublicationEvent[], code: string) {
  assert.throws(() => derive(today, events), { code });
}

describe('publication decider', () => {
  test('the chain runs to publication with a 索引号 and 有效性 from the 成文日期', () => {
    const s = derive(today, published);
    assert.equal(s.status, 'published');
    assert.equal(s.indexNumber, '11430321MB16134126/2021-00001');
    assert.equal(s.publishedOn, '2021-03-05');
    assert.deepEqual(s.validityHistory, [{ validity: 'valid', since: '2021-03-01' }]);
    assert.equal(s.validity, 'valid');
    assert.equal(derive(today, inReview).step, 3);
  });

  const refusals: [string, PublicationEvent[], string][] = [
    ['a log must start with created', [submitted], 'catalog.log.start'],
    [
      'only a drafter creates',
      [{ ...created, roles: ['reviewer'] } as PublicationEvent],
      'catalog.role',
    ],
    [
      'a reviewer may not clear the office step',
      [created, submitted, approve(1, 3, 'office')],
      'catalog.review.role',
    ],
    [
      'a step may not be skipped',
      [created, submitted, approve(2, 3, 'office')],
      'catalog.review.out-of-turn',
    ],
    [
      'the author may not approve',
      [created, submitted, approve(1, 1, 'reviewer')],
      'catalog.review.self',
    ],
    [
      'one account may not clear two consecutive steps',
      [...inReview.slice(0, 3), approve(2, 2, 'reviewer')],
      'catalog.review.role',
    ],
    ['publishing needs 保密审查', [...inReview, publish()], 'catalog.review.confidentiality'],
    [
      'the last step must publish, not merely approve',
      [...inReview, confidential, approve(3, 4, 'office')],
      'catalog.review.out-of-turn',
    ],
    [
      'publishing needs a 索引号',
      [...inReview, confidential, publish(4, null)],
      'catalog.index.missing',
    ],
    [
      'the office may not publish what it cleared the step before',
      [...inReview, confidential, publish(3)],
      'catalog.review.consecutive',
    ],
    [
      'a draft in review cannot be edited',
      [created, submitted, edit({ title: '新' })],
      'catalog.edit.state',
    ],
    [
      'only the drafter edits a draft',
      [created, { ...edit({ title: '新' }, 2), roles: ['reviewer'] } as PublicationEvent],
      'catalog.role',
    ],
    [
      'an edit of a published item needs 保密审查 public',
      [
        ...published,
        {
          type: 'revised',
          ...as(4, 'office'),
          changes: { title: '新' },
          changedOn: '2021-04-01',
          confidentiality: 'refer',
        },
      ],
      'catalog.edit.confidentiality',
    ],
    [
      'only the publishing role edits a published item',
      [
        ...published,
        {
          type: 'revised',
          ...as(1, 'drafter'),
          changes: { title: '新' },
          changedOn: '2021-04-01',
          confidentiality: 'public',
        },
      ],
      'catalog.role',
    ],
    [
      'withdrawal needs a reason',
      [...published, { type: 'withdrawn', ...as(4, 'office'), reason: ' ' }],
      'catalog.review.reason',
    ],
    [
      'a draft cannot be withdrawn',
      [created, { type: 'withdrawn', ...as(4, 'office'), reason: '调整' }],
      'catalog.review.not-published',
    ],
    [
      '有效性 cannot change before the 成文日期',
      [
        ...published,
        {
          type: 'validity-changed',
          ...as(4, 'office'),
          validity: 'repealed',
          since: '2020-01-01',
          note: null,
        },
      ],
      'catalog.validity.date',
    ],
    [
      'only office or admin changes 有效性',
      [
        ...published,
        {
          type: 'validity-changed',
          ...as(1, 'drafter'),
          validity: 'repealed',
          since: '2021-05-01',
          note: null,
        },
      ],
      'catalog.role',
    ],
    ['保密审查 only in review', [created, confidential], 'catalog.confidentiality.state'],
    [
      'a return needs a comment',
      [created, submitted, { type: 'rejected', ...as(2, 'reviewer'), step: 1, comment: '' }],
      'catalog.review.comment',
    ],
  ];
  for (const [name, events, code] of refusals)
    test(`refused: ${name}`, () => refused(events, code));

  test('the agency may allow one account two consecutive steps; the state says so for the audit', () => {
    assert.equal(derive(today, inReview.slice(0, 3)).previousStepBy, 2);
    const twoSteps = [created, submitted, approve(1, 3, 'reviewer'), approve(2, 3, 'office')];
    const withRoles = (e: PublicationEvent) =>
      e.by === 3 ? ({ ...e, roles: ['reviewer', 'office'] } as PublicationEvent) : e;
    refused(twoSteps.map(withRoles), 'catalog.review.consecutive');
    const both = derive(
      today,
      [created, submitted, approve(1, 3, 'reviewer'), approve(2, 3, 'office', true)].map((e) =>
        e.by === 3 ? { ...e, roles: ['reviewer', 'office'] } : e,
      ),
    );
    assert.equal(both.step, 3);
    assert.equal(both.consecutive, true);
  });

  test('personal data blocks submission until edited away or released by the office', () => {
    const leaky = [created, edit({ body: `联系人身份证 ${idNumber}` })];
    assert.equal(derive(today, leaky).findings[0].kind, 'id-number');
    refused([...leaky, submitted], 'catalog.review.privacy');
    const release: PublicationEvent = {
      type: 'privacy-override',
      ...as(3, 'office'),
      reason: '已核对为示例号码',
      findings: 1,
    };
    assert.equal(derive(today, [...leaky, release, submitted]).status, 'review');
    refused(
      [...leaky, { ...release, reason: '已核' } as PublicationEvent],
      'catalog.override.reason',
    );
    refused([created, release], 'catalog.override.nothing');
    refused([...leaky, release, edit({ title: '改标题' }), submitted], 'catalog.review.privacy');
    assert.equal(
      derive(today, [...leaky, edit({ body: '无个人信息' }), submitted]).status,
      'review',
    );
  });

  test('an attachment’s findings block until it is removed or replaced by a clean copy', () => {
    const finding = { kind: 'docx-comment' as const, source: 'a.docx', excerpt: '批注' };
    const added: PublicationEvent = {
      type: 'attachment-added',
      ...as(1, 'drafter'),
      attachment: { id: 7, filename: 'a.docx', findings: [finding] },
      size: 10,
    };
    refused([created, added, submitted], 'catalog.review.privacy');
    const cleaned: PublicationEvent = {
      type: 'attachment-cleaned',
      ...as(1, 'drafter'),
      attachment: { id: 8, filename: 'a.docx', findings: [] },
      replaces: 7,
      parts: ['word/comments.xml'],
    };
    assert.deepEqual(
      derive(today, [created, added, cleaned]).attachments.map((a) => a.id),
      [8],
    );
    assert.equal(derive(today, [created, added, cleaned, submitted]).status, 'review');
    refused(
      [created, { type: 'attachment-removed', ...as(1, 'drafter'), attachmentId: 9 }],
      'catalog.attachment.missing',
    );
    refused([created, submitted, added], 'catalog.attachment.state');
  });

  test('a revision of the published item keeps its 索引号, bumps the revision and restarts the clock', () => {
    const s = derive(today, [
      ...published,
      {
        type: 'revised',
        ...as(4, 'office'),
        changes: { title: '新标题' },
        changedOn: '2021-04-01',
        confidentiality: 'public',
      },
    ]);
    assert.deepEqual(
      [s.content.title, s.revision, s.changedOn, s.indexNumber],
      ['新标题', 2, '2021-04-01', '11430321MB16134126/2021-00001'],
    );
  });

  test('a repeal dated ahead shows from its day on (derived for the day asked)', () => {
    const log: PublicationEvent[] = [
      ...published,
      {
        type: 'validity-changed',
        ...as(4, 'office'),
        validity: 'repealed',
        since: '2021-07-01',
        note: null,
      },
    ];
    assert.equal(derive({ today: '2021-06-30' }, log).validity, 'valid');
    assert.equal(derive({ today: '2021-07-01' }, log).validity, 'repealed');
    assert.equal(validityOn(derive(today, log).validityHistory, '2022-01-01'), 'repealed');
  });

  test('a return and an edit: the reviewer sees what changed since the return', () => {
    const log: PublicationEvent[] = [
      created,
      submitted,
      { type: 'rejected', ...as(2, 'reviewer'), step: 1, comment: '请补充地点' },
      edit({ body: '一、活动时间\n2021年3月全月。\n二、活动地点\n县信访局。', keywords: '宣传' }),
      edit({ title: '关于开展信访宣传月活动的通知' }),
      submitted,
    ];
    const s = derive(today, log);
    assert.deepEqual([s.status, s.step], ['review', 1]);
    const versions = contentVersions(log);
    assert.deepEqual(
      versions.map((v) => [v.number, v.type, v.changed]),
      [
        [1, 'created', []],
        [2, 'edited', ['keywords', 'body']],
        [3, 'edited', ['title']],
      ],
    );
    const changes = changesSinceReview(log);
    assert.equal(changes.step?.type, 'rejected');
    assert.deepEqual(changes.changed, ['title', 'keywords', 'body']);
    assert.equal(changes.before?.title, content.title);
    assert.deepEqual(changesSinceReview([created, submitted]).step, null);
    assert.deepEqual(changesSinceReview(published).changed, []);
  });

  test('system events (imports, migrated history) carry no actor and skip role checks', () => {
    const s = derive(today, [
      {
        type: 'imported',
        ...as(null),
        content,
        chain,
        indexNumber: 'legacy-001',
        legacyIndex: true,
        publishedOn: '2020-01-02',
        changedOn: null,
        revision: 3,
        attachments: [],
        status: 'published',
        step: 3,
        authorId: 5,
        withdrawnReason: null,
      },
      {
        type: 'validity-changed',
        ...as(null),
        validity: 'valid',
        since: content.madeOn,
        note: null,
      },
    ]);
    assert.deepEqual(
      [s.status, s.revision, s.authorId, s.indexNumber],
      ['published', 3, 5, 'legacy-001'],
    );
  });
});

describe('line diff', () => {
  const table: [string, string, string][] = [
    ['a\nb\nc', 'a\nb\nc', '=a =b =c'],
    ['a\nb\nc', 'a\nc', '=a -b =c'],
    ['a\nc', 'a\nb\nc', '=a +b =c'],
    ['a', 'b', '-a +b'],
    ['', 'x', '- +x'],
  ];
  for (const [before, after, expected] of table)
    test(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
      const mark = { same: '=', added: '+', removed: '-' };
      assert.equal(
        diffLines(before, after)
          .map((l) => mark[l.kind] + l.text)
          .join(' '),
        expected,
      );
    });
});
