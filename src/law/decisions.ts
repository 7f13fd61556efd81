import type { OutcomeRow } from './keys.ts';

/** One reply decision: what the agency decides, on which legal basis, counted in which T3 row. */
export interface DecisionKind {
  id: DecisionId;
  outcome: OutcomeRow;
  label: string;
  /** The provision, e.g. `《政府信息公开条例》第三十六条第（二）项`; null where no provision
   * governs and the letter says plainly what happened instead. */
  basis: string | null;
  /** What the provision requires the agency to do or tell. */
  basisText: string;
  /** The 告知书 template the letters module renders. */
  letterTemplate: string;
  /** The title of the reply letter. */
  letterTitle: string;
  /** Whether a reply letter (with its remedy) is served; the remedy text is `remedies.ts`'s. */
  letter: boolean;
  /** What the decision must state (Art. 36), printed after this label; null when nothing more. */
  statement: Statement | null;
}

/** What Art. 36 makes a decision state besides the rule, and how the letter introduces it. */
export interface Statement {
  label: string;
  /** The Chinese message when it is missing. */
  missing: string;
}

const REASON: Statement = { label: '理由', missing: '不予公开须写明具体理由' };
const ACCESS: Statement = {
  label: '获取方式、途径',
  missing: '已主动公开的，须写明获取该政府信息的方式、途径（如网址、栏目、文号）',
};
const RESPONSIBLE: Statement = {
  label: '负责公开的机关',
  missing: '不属于本机关负责公开的，须写明负责公开该信息的机关名称、联系方式，或无法确定的理由',
};
const REFERRAL: Statement = {
  label: '办理途径',
  missing: '须写明依照哪一法律、行政法规向何处办理',
};
const OTHER: Statement = { label: '处理情况', missing: '“其他处理”须写明处理情况和理由' };

const TITLE_REPLY = '政府信息公开申请答复书';
const TITLE_WITHHELD = '政府信息不予公开告知书';
const TITLE_REFERRAL = '政府信息公开申请告知书（依照有关法律、行政法规办理）';

export const DECISION_IDS = [
  'already-public',
  'disclose',
  'partial',
  'state-secret',
  'prohibited-by-law',
  'security-stability',
  'third-party-rights',
  'internal-affairs',
  'process-information',
  'enforcement-file',
  'special-query',
  'not-held',
  'not-responsible',
  'needs-compilation',
  'unclear-after-supplement',
  'petition',
  'repeated',
  'publication',
  'excessive',
  'confirm-or-reissue',
  'supplement-lapsed',
  'fee-unpaid',
  'withdrawn',
  'other',
] as const;

export type DecisionId = (typeof DECISION_IDS)[number];

const REG = '《政府信息公开条例》';
const FEE_RULES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

type Row = [DecisionId, OutcomeRow, string, string | null, string, boolean, Statement | null];

// id, T3 row, label, basis, basis text, letter served, what it must state
// biome-ignore format: one decision per line reads as a table
const rows: Row[] = [
  ['already-public', 'open', '已主动公开', `${REG}第三十六条第（一）项`, '所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径', true, ACCESS],
  ['disclose', 'open', '予以公开', `${REG}第三十六条第（二）项`, '所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间', true, null],
  ['partial', 'partial', '部分公开（区分处理）', `${REG}第三十七条`, '申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由', true, null],
  ['state-secret', 'w1', '不予公开：属于国家秘密', `${REG}第十四条、第三十六条第（三）项`, '依法确定为国家秘密的政府信息，不予公开，并说明理由', true, REASON],
  ['prohibited-by-law', 'w2', '不予公开：其他法律行政法规禁止公开', `${REG}第十四条、第三十六条第（三）项`, '法律、行政法规禁止公开的政府信息，不予公开，并说明理由', true, REASON],
  ['security-stability', 'w3', '不予公开：危及“三安全一稳定”', `${REG}第十四条、第三十六条第（三）项`, '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开，并说明理由', true, REASON],
  ['third-party-rights', 'w4', '不予公开：保护第三方合法权益', `${REG}第十五条、第三十二条、第三十六条第（三）项`, '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，不予公开，并说明理由', true, REASON],
  ['internal-affairs', 'w5', '不予公开：属于三类内部事务信息', `${REG}第十六条第一款、第三十六条第（三）项`, '人事管理、后勤管理、内部工作流程等内部事务信息，可以不予公开，并说明理由', true, REASON],
  ['process-information', 'w6', '不予公开：属于四类过程性信息', `${REG}第十六条第二款、第三十六条第（三）项`, '讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开，并说明理由', true, REASON],
  ['enforcement-file', 'w7', '不予公开：属于行政执法案卷', `${REG}第十六条第二款、第三十六条第（三）项`, '行政执法案卷信息，可以不予公开，并说明理由', true, REASON],
  ['special-query', 'w8', '告知依照有关法律、行政法规办理：属于行政查询事项', `${REG}第三十六条第（七）项`, '法律、行政法规对信息的获取有特别规定的（如工商、不动产登记资料），告知申请人依照有关法律、行政法规的规定办理', true, REFERRAL],
  ['not-held', 'u1', '无法提供：本机关不掌握相关政府信息', `${REG}第三十六条第（四）项`, '经检索没有所申请公开信息的，告知申请人该政府信息不存在', true, null],
  ['not-responsible', 'u1', '无法提供：不属于本机关负责公开', `${REG}第三十六条第（五）项`, '所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式', true, RESPONSIBLE],
  ['needs-compilation', 'u2', '无法提供：没有现成信息需要另行制作', `${REG}第三十八条`, '需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供', true, null],
  ['unclear-after-supplement', 'u3', '无法提供：补正后申请内容仍不明确', `${REG}第三十条`, '申请内容经补正后仍不明确，无法确定所申请的政府信息的，告知申请人无法提供', true, null],
  ['petition', 'n1', '不予处理：信访举报投诉类申请', `${REG}第三十九条第一款`, '以政府信息公开申请的形式进行信访、投诉、举报等活动的，告知申请人不作为政府信息公开申请处理并可以告知通过相应渠道提出', true, null],
  ['repeated', 'n2', '不予处理：重复申请', `${REG}第三十六条第（六）项`, '行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理', true, null],
  ['publication', 'n3', '不予处理：要求提供公开出版物', `${REG}第三十九条第二款`, '申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，可以告知获取的途径', true, null],
  ['excessive', 'n4', '不予处理：无正当理由大量反复申请', `${REG}第三十五条`, '申请公开政府信息的数量、频次明显超过合理范围，申请人说明的理由不合理的，告知申请人不予处理', true, null],
  ['confirm-or-reissue', 'n5', '不予处理：要求确认或重新出具已获取信息', null, '您要求本机关确认或者重新出具您已经获取的信息，该要求不是申请获取本机关制作或者获取的政府信息，本机关不作为政府信息公开申请处理', true, null],
  ['supplement-lapsed', 'o1', '其他处理：逾期不补正，不再处理', `${REG}第三十条`, '申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请', true, null],
  ['fee-unpaid', 'o2', '其他处理：逾期未缴费，不再处理', FEE_RULES, '申请人逾期未按收费通知要求缴纳费用的，视为放弃申请，行政机关不再处理该政府信息公开申请', true, null],
  ['withdrawn', 'o3', '其他处理：申请人撤回申请', null, '申请人撤回申请的，终止办理并记录在案', false, null],
  ['other', 'o3', '其他处理：其他情形', null, '本机关对您的申请作如下处理', true, OTHER],
];

/** Every reply decision of Arts. 30, 35–39 and 109号, mapped to its T3 row. */
export const DECISIONS: readonly DecisionKind[] = rows.map(
  ([id, outcome, label, basis, basisText, letter, statement]) => ({
    id,
    outcome,
    label,
    basis,
    basisText,
    letterTemplate: `letter.${id}`,
    letterTitle: titleOf(outcome),
    letter,
    statement,
  }),
);

const byId = new Map(DECISIONS.map((d) => [d.id, d]));

export function decisionKind(id: DecisionId): DecisionKind {
  return byId.get(id)!;
}

export function isDecisionId(value: unknown): value is DecisionId {
  return typeof value === 'string' && byId.has(value as DecisionId);
}

/** The decisions that are counted in a T3 row. */
export function decisionsForRow(row: OutcomeRow): DecisionKind[] {
  return DECISIONS.filter((d) => d.outcome === row);
}

function titleOf(outcome: OutcomeRow): string {
  if (outcome === 'w8') return TITLE_REFERRAL;
  return outcome.startsWith('w') ? TITLE_WITHHELD : TITLE_REPLY;
}
