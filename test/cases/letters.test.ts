/**
 * Every letter kind rendered to .docx and read back as text: the title, the number, the legal
 * basis, the reason Art. 36 requires and the remedy with the 复议机关 and its time limits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import mammoth from 'mammoth';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { letterDocx } from '../../src/cases/letterDocx.ts';
import { type LetterContext, letterFor } from '../../src/cases/letters.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { DECISIONS } from '../../src/law/decisions.ts';

const calendar = new Calendar();
const PLACEHOLDER = /待核实|视具体情形|未明文规定|undefined|null/;

function contextAt(on: string): LetterContext {
  const state = derive(calendar, [
    { type: 'Submitted', on, channel: 'in-person' },
    { type: 'Received', on },
  ]);
  return {
    agencyName: '湘潭县信访局',
    applicationId: 12,
    applicantName: '张三',
    description: '2023年信访事项办理情况',
    state,
    number: `湘信访依申复〔${on.slice(0, 4)}〕3号`,
    bodies: { reconsiderationBody: '湘潭县人民政府', court: '湘潭县人民法院' },
  };
}

async function readBack(ctx: LetterContext, event: CaseEvent): Promise<string> {
  const letter = letterFor(ctx, event);
  assert.ok(letter, `${event.type} produces a letter`);
  const docx = await letterDocx(letter);
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

describe('decision letters, read back from the .docx', () => {
  for (const kind of DECISIONS.filter((d) => d.letter)) {
    for (const on of ['2023-11-06', '2024-03-05']) {
      test(`${kind.id} (${kind.outcome}) decided ${on}`, async () => {
        const ctx = contextAt(on);
        const text = await readBack(ctx, {
          type: 'Decided',
          on,
          decision: kind.id,
          text: '具体说明甲乙丙',
          ...(kind.outcome === 'partial'
            ? { withheld: '第三页', withheldReason: '涉及个人隐私' }
            : {}),
        });
        assert.ok(text.startsWith(kind.letterTitle), text.slice(0, 40));
        assert.match(text, new RegExp(`湘信访依申复〔${on.slice(0, 4)}〕3号`));
        if (kind.basis) assert.ok(text.includes(`依据${kind.basis}。`), 'the legal basis');
        else assert.doesNotMatch(text, /依据/, 'no basis line where no provision governs');
        if (kind.statement) assert.ok(text.includes(`${kind.statement.label}：具体说明甲乙丙`));
        if (kind.outcome === 'partial')
          assert.match(text, /不予公开的内容：第三页。理由：涉及个人隐私/);
        assert.match(text, /60日内向湘潭县人民政府申请行政复议/);
        assert.match(text, /向湘潭县人民法院提起行政诉讼/);
        const first =
          on >= '2024-01-01' && (kind.outcome === 'partial' || kind.outcome.startsWith('w'));
        if (first) assert.match(text, /应当先自收到本答复之日起60日内.*15日内/);
        else assert.match(text, /如对本答复不服，可以.*或者自收到本答复之日起6个月内/);
        assert.doesNotMatch(text, PLACEHOLDER);
      });
    }
  }
});

describe('procedural letters, read back from the .docx', () => {
  const on = '2026-03-09';
  const cases: [string, CaseEvent, RegExp[]][] = [
    [
      '补正告知书',
      { type: 'SupplementRequested', on, deadline: '2026-03-20', items: '请写明文件名称' },
      [
        /政府信息公开申请补正告知书/,
        /请写明文件名称/,
        /依据《中华人民共和国政府信息公开条例》第三十条/,
      ],
    ],
    [
      '延长答复期限告知书',
      { type: 'Extension', on, workdays: 10, reason: '需调取档案', approvedBy: '王主任' },
      [/延长政府信息公开答复期限告知书/, /需调取档案/, /延长10个工作日/, /第三十三条第二款/],
    ],
    [
      '延迟答复告知书',
      {
        type: 'Deferral',
        on,
        due: '2026-05-29',
        reason: '申请数量明显超过合理范围',
        approvedBy: '王主任',
      },
      [/延迟答复告知书/, /2026年5月29日/, /第三十五条/],
    ],
    [
      '征求意见书（第三方）',
      { type: 'ConsultationSent', on, id: 'c1', party: 'third-party', name: '某某公司' },
      [/政府信息公开征求意见书/, /^某某公司：/m, /15个工作日/, /第三十二条/],
    ],
    [
      '征求意见书（其他机关）',
      { type: 'ConsultationSent', on, id: 'c1', party: 'agency', name: '湘潭县财政局' },
      [/视为同意公开/, /第三十四条/],
    ],
    [
      '收费通知书',
      { type: 'ProcessingFeeNotified', on, amount: 1100 },
      [/信息处理费收费通知书/, /1100\.00元/, /20个工作日/, /国办函〔2020〕109号/],
    ],
  ];
  for (const [name, event, patterns] of cases) {
    test(name, async () => {
      const text = await readBack(contextAt('2026-03-02'), event);
      assert.match(text, /湘信访依申复〔2026〕3号/);
      for (const p of patterns) assert.match(text, p);
      assert.doesNotMatch(text, PLACEHOLDER);
    });
  }
});

describe('a decision without what its outcome must state is refused (Art. 36)', () => {
  const start: CaseEvent[] = [
    { type: 'Submitted', on: '2026-03-02', channel: 'in-person' },
    { type: 'Received', on: '2026-03-02' },
  ];
  for (const kind of DECISIONS.filter((d) => d.statement)) {
    test(`${kind.id}: “${kind.statement!.missing}”`, () => {
      const decided = (text: string): CaseEvent => ({
        type: 'Decided',
        on: '2026-03-10',
        decision: kind.id,
        text,
      });
      assert.throws(
        () => derive(calendar, [...start, decided('  ')]),
        (e: Error & { code?: string }) =>
          e.code === 'cases.illegal.statement' && e.message.includes(kind.statement!.missing),
      );
      assert.equal(derive(calendar, [...start, decided('理由甲')]).outcome, kind.outcome);
    });
  }
});
