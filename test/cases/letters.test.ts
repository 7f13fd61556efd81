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
import { type LetterContext, letterFor, PROVISIONAL } from '../../src/cases/letters.ts';
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

describe('Art. 32, Art. 35 and 补正 in the letters, read back from the .docx', () => {
  const start: CaseEvent[] = [
    { type: 'Submitted', on: '2026-03-02', channel: 'in-person' },
    { type: 'Received', on: '2026-03-02' },
  ];
  const contextOf = (events: CaseEvent[]): LetterContext => ({
    ...contextAt('2026-03-02'),
    state: derive(calendar, [...start, ...events]),
  });
  const asked: CaseEvent = {
    type: 'ReasonsRequested',
    on: '2026-03-03',
    grounds: '本年度已向本机关提出申请45件',
    deadline: '2026-03-10',
  };

  test('说明理由通知书: the grounds, the deadline, what follows, Art. 35, the number', async () => {
    const text = await readBack(contextOf([asked]), asked);
    assert.ok(text.startsWith('政府信息公开申请说明理由通知书'));
    assert.match(text, /湘信访依申复〔2026〕3号/);
    assert.match(text, /数量、频次明显超过合理范围：本年度已向本机关提出申请45件/);
    assert.match(text, /请于2026年3月10日前向本机关说明申请理由/);
    assert.match(text, /告知不予处理/);
    assert.match(text, /依据《中华人民共和国政府信息公开条例》第三十五条。/);
    assert.doesNotMatch(text, PLACEHOLDER);
  });

  test('the n4 letter says the reasons were asked for and what was found', async () => {
    const events: CaseEvent[] = [
      asked,
      {
        type: 'ReasonsAssessed',
        on: '2026-03-12',
        finding: 'unreasonable',
        reasons: '想看看',
        assessment: '未说明与申请数量相称的用途',
      },
    ];
    const n4: CaseEvent = { type: 'Decided', on: '2026-03-13', decision: 'excessive', text: '' };
    const text = await readBack(contextOf([...events, n4]), n4);
    assert.match(text, /本机关于2026年3月3日要求您（单位）于2026年3月10日前说明理由/);
    assert.match(text, /申请人说明的理由经审查不合理/);
    assert.match(text, /第三十五条/);
    assert.match(text, /向湘潭县人民政府申请行政复议/);
  });

  test('第三方告知书: to the third party, content, reasons, the disclosure day, Art. 32, remedy', async () => {
    const events: CaseEvent[] = [
      {
        type: 'ConsultationSent',
        on: '2026-03-03',
        id: 'c1',
        party: 'third-party',
        name: '某建材公司',
      },
      { type: 'ConsultationReplied', on: '2026-03-10', id: 'c1', objection: true },
      {
        type: 'ThirdPartyNotified',
        on: '2026-03-11',
        consultationId: 'c1',
        content: '2025年度排污许可执行报告',
        reason: '涉及周边居民饮用水安全',
        disclosureOn: '2026-03-25',
      },
    ];
    const ctx = contextOf(events);
    const letter = letterFor(ctx, events[2])!;
    assert.equal(letter.toApplicant, false);
    const text = await readBack(ctx, events[2]);
    assert.ok(text.startsWith('政府信息公开第三方告知书'));
    assert.match(text, /湘信访依申复〔2026〕3号/);
    assert.match(text, /^某建材公司：/m);
    assert.match(text, /答复不同意公开/);
    assert.match(text, /决定公开的政府信息内容：2025年度排污许可执行报告/);
    assert.match(text, /理由：涉及周边居民饮用水安全/);
    assert.match(text, /本机关将于2026年3月25日公开上述信息/);
    assert.match(text, /依据《中华人民共和国政府信息公开条例》第三十二条。/);
    assert.match(
      text,
      /如对本机关决定公开不服，可以自收到本告知书之日起60日内向湘潭县人民政府申请行政复议/,
    );
    assert.doesNotMatch(text, PLACEHOLDER);
  });

  test('after 补正 a letter quotes the amended request', async () => {
    const events: CaseEvent[] = [
      {
        type: 'SupplementRequested',
        on: '2026-03-03',
        deadline: '2026-03-13',
        items: '请写明年份',
      },
      { type: 'SupplementReceived', on: '2026-03-05', amendedRequest: '2025年度信访事项办理情况' },
    ];
    const ext: CaseEvent = {
      type: 'Extension',
      on: '2026-03-20',
      workdays: 5,
      reason: '需调取档案',
      approvedBy: '王主任',
    };
    const ctx = contextOf([...events, ext]);
    assert.equal(ctx.state.amendedRequest, '2025年度信访事项办理情况');
    const text = await readBack(ctx, ext);
    assert.match(text, /申请内容：“2023年信访事项办理情况”，经补正为：“2025年度信访事项办理情况”/);
  });

  test('a date resting on next year’s unpublished holidays is marked as provisional', async () => {
    const on = '2026-12-14';
    const ext: CaseEvent = {
      type: 'Extension',
      on,
      workdays: 10,
      reason: '需调取档案',
      approvedBy: '王主任',
    };
    const events: CaseEvent[] = [
      { type: 'Submitted', on, channel: 'in-person' },
      { type: 'Received', on },
      ext,
    ];
    const provisional = await readBack({ ...contextAt(on), state: derive(calendar, events) }, ext);
    assert.match(provisional, /延长后的答复期限至2027年1月25日/);
    assert.ok(provisional.includes(PROVISIONAL));
    const march: CaseEvent = { ...ext, on: '2026-03-20' };
    const settled = await readBack(contextOf([march]), march);
    assert.match(settled, /延长后的答复期限至2026年4月14日/);
    assert.ok(!settled.includes(PROVISIONAL));
  });
});
