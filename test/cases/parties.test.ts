/**
 * Who an application is from: agents (代理人), organisations without a 统一社会信用代码, and the
 * form rules for both — table-driven over every certificate × T3 column.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import mammoth from 'mammoth';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent, CorrectionDecidedEvent } from '../../src/cases/events.ts';
import { letterDocx } from '../../src/cases/letterDocx.ts';
import { letterFor } from '../../src/cases/letters.ts';
import {
  certificateColumnProblem,
  letterAddressee,
  ORGANISATION_CERTIFICATE_TYPES,
  ORGANISATION_CERTIFICATES,
} from '../../src/cases/parties.ts';
import { t3Placement } from '../../src/cases/reportCells.ts';
import { Calendar } from '../../src/law/calendar.ts';
import { APPLICANT_TYPES } from '../../src/law/keys.ts';
import { applicationSchema, toNewApplication } from '../../src/web/portal/apply/applicationForm.ts';

/** Which T3 columns each certificate allows (the documented table in docs/cases.md). */
const ALLOWED: Record<string, string> = {
  事业单位法人证书: 'res ngo oth',
  社会团体法人登记证书: 'res ngo law oth',
  民办非企业单位登记证书: 'res ngo law oth',
  基金会法人登记证书: 'ngo oth',
  律师事务所执业许可证: 'law',
  营业执照: 'biz oth',
  其他: 'biz res ngo law oth',
};

describe('certificate × T3 column', () => {
  assert.deepEqual(Object.keys(ALLOWED), ORGANISATION_CERTIFICATE_TYPES);
  for (const certificate of ORGANISATION_CERTIFICATE_TYPES) {
    for (const column of APPLICANT_TYPES) {
      const fits = ALLOWED[certificate].split(' ').includes(column);
      test(`${certificate} as ${column}: ${fits ? 'accepted' : 'refused'}`, () => {
        const problem = certificateColumnProblem(certificate, column);
        if (fits) assert.equal(problem, null);
        else assert.match(problem ?? '', new RegExp(`持${certificate}的组织不能登记为该组织类型`));
      });
    }
  }
  test('no certificate makes an organisation a natural person', () => {
    for (const columns of Object.values(ORGANISATION_CERTIFICATES)) {
      assert.ok(!(columns as readonly string[]).includes('np'));
    }
  });
});

test('letters go to the applicant, with the agent named after it', () => {
  assert.equal(letterAddressee('张三'), '张三');
  assert.equal(letterAddressee('张三', { name: '李律师' }), '张三（代理人：李律师）');
  assert.equal(letterAddressee('湘潭县某协会', { name: '王五' }), '湘潭县某协会（代理人：王五）');
});

const person = {
  applicantKind: 'person',
  name: '张三',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  description: '2023年信访事项办理情况统计',
  form: '纸质',
  delivery: '当面领取',
};
const organisation = {
  ...person,
  applicantKind: 'organisation',
  name: '',
  orgType: 'ngo',
  orgName: '湘潭县某某协会',
  contactPerson: '赵六',
};

describe('the application form: agents and certificates', () => {
  const cases: [string, Record<string, string>, Record<string, RegExp>][] = [
    ['a person, no agent', person, {}],
    [
      'an agent without name or phone',
      { ...person, byAgent: 'on' },
      {
        agentName: /请填写代理人姓名/,
        agentPhone: /代理人的11位手机号码/,
      },
    ],
    [
      'an agent with a wrong ID number',
      {
        ...person,
        byAgent: 'on',
        agentName: '李四',
        agentPhone: '13800000000',
        agentIdNumber: '110105194912310021',
      },
      { agentIdNumber: /校验码不符/ },
    ],
    [
      'a complete agent',
      {
        ...person,
        byAgent: 'on',
        agentName: '李四',
        agentPhone: '0731-58581234',
        agentIdNumber: '11010519491231002X',
      },
      {},
    ],
    [
      'an organisation without USCC, not saying so',
      organisation,
      { uscc: /没有统一社会信用代码的，请选择“其他证照”/ },
    ],
    [
      'a certificate without type, number or reason',
      { ...organisation, orgId: 'certificate' },
      {
        certType: /请选择证照类型/,
        certNumber: /请填写证照号码/,
        noUsccReason: /请说明没有统一社会信用代码的原因/,
      },
    ],
    [
      'a certificate that contradicts the column',
      {
        ...organisation,
        orgType: 'biz',
        orgId: 'certificate',
        certType: '事业单位法人证书',
        certNumber: '事证第143030000123号',
        noUsccReason: '证书换发中',
      },
      { orgType: /持事业单位法人证书的组织不能登记为该组织类型/ },
    ],
    [
      'a complete certificate',
      {
        ...organisation,
        orgId: 'certificate',
        certType: '社会团体法人登记证书',
        certNumber: '湘社证字第0123号',
        noUsccReason: '境外登记的分支机构，未赋码',
      },
      {},
    ],
  ];
  for (const [name, raw, expected] of cases) {
    test(name, () => {
      const parsed = applicationSchema.safeParse(raw);
      const errors: Record<string, string> = {};
      for (const issue of parsed.error?.issues ?? [])
        errors[String(issue.path[0])] ??= issue.message;
      assert.deepEqual(Object.keys(errors).sort(), Object.keys(expected).sort());
      for (const [field, pattern] of Object.entries(expected)) assert.match(errors[field], pattern);
    });
  }

  test('the applicant, not the agent, fixes the T3 column; the certificate replaces the USCC', () => {
    const base = { agencyId: 1, channel: 'online' as const, submittedOn: '2026-03-02' };
    const agentCase = applicationSchema.parse({
      ...organisation,
      uscc: '91430321MA4L0A2B3X',
      orgId: 'certificate',
      certType: '律师事务所执业许可证',
      certNumber: '31430000123456789X',
      noUsccReason: '执业许可证尚未换发',
      orgType: 'law',
      byAgent: 'on',
      agentName: '李四',
      agentPhone: '13800000000',
    });
    const app = toNewApplication(agentCase, base);
    assert.equal(app.applicantType, 'law');
    assert.equal(app.applicant.name, '湘潭县某某协会');
    assert.equal(app.applicant.uscc, undefined, 'a certificate holder keeps no USCC');
    assert.deepEqual(app.applicant.certificate, {
      type: '律师事务所执业许可证',
      number: '31430000123456789X',
      noUsccReason: '执业许可证尚未换发',
    });
    assert.deepEqual(app.applicant.agent, {
      name: '李四',
      phone: '13800000000',
      idNumber: undefined,
    });
    const plain = toNewApplication(applicationSchema.parse(person), base);
    assert.equal(plain.applicantType, 'np');
    assert.equal(plain.applicant.agent, undefined);
  });
});

describe('Art. 41 correction requests', () => {
  const calendar = new Calendar();
  const on = '2026-03-02';
  const start: CaseEvent[] = [
    { type: 'Submitted', on, channel: 'in-person', kind: 'correction' },
    { type: 'Received', on },
  ];
  const answers: [CorrectionDecidedEvent, RegExp[]][] = [
    [
      { type: 'CorrectionDecided', on: '2026-03-10', result: 'corrected', text: '住址更正为2号' },
      [/经审核属实，本机关已予以更正/, /更正的内容：住址更正为2号/],
    ],
    [
      {
        type: 'CorrectionDecided',
        on: '2026-03-10',
        result: 'forwarded',
        text: '户籍登记由公安机关负责',
        competentAgency: '湘潭县公安局',
      },
      [/有权更正的行政机关为湘潭县公安局/, /理由：户籍登记由公安机关负责/],
    ],
    [
      { type: 'CorrectionDecided', on: '2023-06-01', result: 'refused', text: '经核实记录准确' },
      [/本机关决定不予更正/, /理由：经核实记录准确/],
    ],
  ];
  for (const [event, expected] of answers) {
    test(`${event.result} on ${event.on}: its letter, no T3 row, a free choice of remedy`, async () => {
      const events =
        event.on < on
          ? [
              { ...start[0], on: '2023-05-04' },
              { ...start[1], on: '2023-05-04' },
            ]
          : start;
      const state = derive(calendar, [...events, event]);
      assert.equal(state.status, 'decided');
      assert.equal(state.outcome, null, 'no T3 row');
      assert.equal(state.correction, event.result);
      const facts = { id: 1, applicantType: 'np' as const, ...state, kind: state.kind };
      assert.equal(t3Placement(facts, Number(event.on.slice(0, 4))), null, 'outside T3');
      const letter = letterFor(
        {
          agencyName: '湘潭县信访局',
          applicationId: 1,
          applicantName: letterAddressee('张三', { name: '李四' }),
          description: '本人住址记录有误',
          state,
          number: '湘信访依申复〔2026〕7号',
          bodies: { reconsiderationBody: '湘潭县人民政府', court: '湘潭县人民法院' },
        },
        event,
      );
      assert.ok(letter);
      const text = (await mammoth.extractRawText({ buffer: await letterDocx(letter) })).value;
      assert.ok(text.startsWith('更正政府信息记录申请答复书'));
      assert.match(text, /张三（代理人：李四）/);
      assert.match(text, /湘信访依申复〔2026〕7号/);
      assert.match(text, /依据《中华人民共和国政府信息公开条例》第四十一条。/);
      for (const pattern of expected) assert.match(text, pattern);
      assert.match(
        text,
        /60日内向湘潭县人民政府申请行政复议，或者.*6个月内向湘潭县人民法院提起行政诉讼/,
      );
      assert.doesNotMatch(text, /应当先/, 'an Art. 41 answer is not 不予公开: no 复议前置');
    });
  }
  const refusals: [string, CaseEvent, RegExp][] = [
    [
      'a disclosure decision',
      { type: 'Decided', on, decision: 'disclose', text: '' },
      /不能“作出答复决定”/,
    ],
    [
      'no reason',
      { type: 'CorrectionDecided', on, result: 'refused', text: ' ' },
      /不予更正的，须写明理由/,
    ],
    [
      'no competent agency',
      { type: 'CorrectionDecided', on, result: 'forwarded', text: '非本机关职能' },
      /须写明有权更正的行政机关/,
    ],
  ];
  for (const [name, event, message] of refusals) {
    test(`refused: ${name}`, () =>
      assert.throws(() => derive(calendar, [...start, event]), message));
  }
  test('a disclosure case cannot take an Art. 41 answer; a withdrawn correction is no o3', () => {
    const disclosure = start.map((e) => (e.type === 'Submitted' ? { ...e, kind: undefined } : e));
    const answer = answers[0][0];
    assert.throws(() => derive(calendar, [...disclosure, answer]), /不能“作出更正处理决定”/);
    const withdrawn = derive(calendar, [...start, { type: 'Withdrawn', on, reason: '不再要求' }]);
    assert.equal(withdrawn.outcome, null);
    assert.equal(withdrawn.status, 'closed');
  });
});
