import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  computePetitionStatistics,
  formatRate,
  PETITION_STATISTIC_DEFINITIONS,
  type PetitionAggregate,
  type PetitionFacts,
  s6PetitionText,
} from '../../src/petitions/index.ts';

const year2021 = { from: '2021-01-01', to: '2021-12-31' };

function fact(over: Partial<PetitionFacts>): PetitionFacts {
  return {
    channel: 'letter',
    receivedOn: '2021-03-01',
    persons: 1,
    leaderReceived: false,
    acceptanceDue: '2021-03-16',
    acceptanceDecidedOn: null,
    accepted: false,
    handlingDue: null,
    closedOn: null,
    ...over,
  };
}

const accepted = (over: Partial<PetitionFacts>) =>
  fact({ acceptanceDecidedOn: '2021-03-05', accepted: true, handlingDue: '2021-05-04', ...over });

const seedAggregate: PetitionAggregate = {
  periodFrom: '2021-01-01',
  periodTo: '2021-12-31',
  visitBatches: 1119,
  visitPersons: 2588,
  leaderBatches: 214,
  leaderPersons: 1065,
  writtenHandled: 3007,
  acceptanceDue: null,
  acceptanceOnTime: null,
  completionDue: null,
  completionOnTime: null,
  writtenCompletionDue: 3007,
  writtenCompletionOnTime: 3007,
};

describe('petition statistics definitions', () => {
  test('visits count one batch per visit and its people as person-times; leader receptions are a subset', () => {
    const stats = computePetitionStatistics(
      [
        fact({ channel: 'visit', persons: 5, leaderReceived: true }),
        fact({ channel: 'visit', persons: 1 }),
        fact({ channel: 'visit', persons: 2, receivedOn: '2022-01-01' }),
      ],
      [],
      year2021,
    );
    assert.deepEqual(stats.visits, { batches: 2, persons: 6 });
    assert.deepEqual(stats.leaderReceptions, { batches: 1, persons: 5 });
    assert.equal(stats.written.handled, 0);
  });

  test('letters, online petitions and referrals are written matters, including those not accepted', () => {
    const stats = computePetitionStatistics(
      [
        fact({ channel: 'letter' }),
        fact({ channel: 'online', acceptanceDecidedOn: '2021-03-02' }),
        fact({ channel: 'referred' }),
        fact({ channel: 'online', receivedOn: '2020-12-31' }),
      ],
      [],
      year2021,
    );
    assert.deepEqual(stats.written, {
      handled: 3,
      letters: 1,
      online: 1,
      referred: 1,
      aggregated: 0,
    });
    assert.equal(stats.sources.records, 3);
  });

  test('acceptance rate: notices sent in the period, plus undecided matters whose 15 days lapsed in it', () => {
    const stats = computePetitionStatistics(
      [
        fact({ acceptanceDecidedOn: '2021-03-10' }), // on time
        fact({ acceptanceDecidedOn: '2021-03-20' }), // late
        fact({}), // never decided: lapsed 2021-03-17
        fact({ receivedOn: '2021-12-20', acceptanceDue: '2022-01-04' }), // not yet due at the end
        fact({
          receivedOn: '2021-12-10',
          acceptanceDue: '2021-12-25',
          acceptanceDecidedOn: '2022-01-05',
        }), // late, after the end
      ],
      [],
      year2021,
    );
    assert.equal(stats.acceptance.due, 4);
    assert.equal(stats.acceptance.onTime, 1);
    assert.equal(stats.acceptance.rate, 0.25);
    assert.equal(stats.overdue.acceptance, 2);
  });

  test('completion rates: closed in the period, plus open matters whose deadline lapsed in it; 网信 excludes visits', () => {
    const stats = computePetitionStatistics(
      [
        accepted({ closedOn: '2021-04-01' }),
        accepted({ closedOn: '2021-05-05' }), // one day late
        accepted({ channel: 'visit', closedOn: '2021-04-01' }),
        accepted({ channel: 'online' }), // open, lapsed 2021-05-05
        accepted({
          receivedOn: '2021-12-01',
          acceptanceDue: '2021-12-16',
          acceptanceDecidedOn: '2021-12-02',
          handlingDue: '2022-01-31',
        }),
      ],
      [],
      year2021,
    );
    assert.deepEqual(
      { due: stats.completion.due, onTime: stats.completion.onTime },
      { due: 4, onTime: 2 },
    );
    assert.deepEqual(
      { due: stats.writtenCompletion.due, onTime: stats.writtenCompletion.onTime },
      { due: 3, onTime: 1 },
    );
    assert.equal(stats.overdue.handling, 1);
    assert.equal(formatRate(stats.writtenCompletion), '33.3%');
  });

  test('a matter closed in a later period counts in the period its deadline lapsed, and again when closed', () => {
    const late = accepted({ closedOn: '2021-07-01' });
    const q2 = computePetitionStatistics([late], [], { from: '2021-04-01', to: '2021-06-30' });
    const q3 = computePetitionStatistics([late], [], { from: '2021-07-01', to: '2021-09-30' });
    assert.deepEqual([q2.completion.due, q2.completion.onTime, q2.overdue.handling], [1, 0, 1]);
    assert.deepEqual([q3.completion.due, q3.completion.onTime, q3.overdue.handling], [1, 0, 0]);
  });

  test('a deadline that has not passed by today is not overdue, even in a period that ends later', () => {
    const open = fact({ receivedOn: '2021-06-01', acceptanceDue: '2021-06-16' });
    const early = computePetitionStatistics([open], [], year2021, '2021-06-10');
    assert.deepEqual([early.acceptance.due, early.overdue.acceptance], [0, 0]);
    const later = computePetitionStatistics([open], [], year2021, '2021-06-17');
    assert.deepEqual([later.acceptance.due, later.overdue.acceptance], [1, 1]);
  });

  test('aggregates count only when the period contains them; unstated rates are unknown, not zero', () => {
    const stats = computePetitionStatistics([], [seedAggregate], year2021);
    assert.deepEqual(stats.visits, { batches: 1119, persons: 2588 });
    assert.deepEqual(stats.leaderReceptions, { batches: 214, persons: 1065 });
    assert.equal(stats.written.handled, 3007);
    assert.equal(stats.writtenCompletion.rate, 1);
    assert.equal(stats.acceptance.known, false);
    assert.equal(stats.acceptance.rate, null);
    assert.equal(formatRate(stats.acceptance), '无法确定');

    const half = computePetitionStatistics([], [seedAggregate], {
      from: '2021-01-01',
      to: '2021-06-30',
    });
    assert.equal(half.visits.batches, 0);
    assert.deepEqual(half.sources.partialAggregates, [{ from: '2021-01-01', to: '2021-12-31' }]);
  });

  test('records and aggregates add up', () => {
    const stats = computePetitionStatistics(
      [accepted({ channel: 'online', closedOn: '2021-04-01' })],
      [{ ...seedAggregate, periodFrom: '2021-01-01', periodTo: '2021-02-28' }],
      year2021,
    );
    assert.equal(stats.written.handled, 3008);
    assert.equal(stats.written.aggregated, 3007);
    assert.deepEqual([stats.writtenCompletion.due, stats.writtenCompletion.onTime], [3008, 3008]);
  });

  test('rates are rounded down so that 100% means every matter was on time', () => {
    assert.equal(formatRate({ due: 3000, onTime: 2999, rate: 2999 / 3000, known: true }), '99.9%');
    assert.equal(formatRate({ due: 3, onTime: 3, rate: 1, known: true }), '100%');
    assert.equal(formatRate({ due: 4, onTime: 3, rate: 0.75, known: true }), '75%');
    assert.equal(formatRate({ due: 0, onTime: 0, rate: null, known: true }), '—');
  });

  test('every figure has a written definition', () => {
    for (const key of [
      'visitBatches',
      'visitPersons',
      'leaderBatches',
      'writtenHandled',
      'acceptanceRate',
      'completionRate',
      'writtenCompletionRate',
      'aggregates',
    ] as const) {
      assert.match(PETITION_STATISTIC_DEFINITIONS[key], /[\u4e00-\u9fff]{10,}/);
    }
  });
});

describe('S6 petition text', () => {
  test("the seed's figures give the seed's sentence exactly", () => {
    const stats = computePetitionStatistics([], [seedAggregate], year2021);
    assert.equal(
      s6PetitionText(stats),
      '县人民来访接待中心共接待群众来访1119批2588人次，县级领导接待来访群众214批1065人次。群众来信、网上信访共办理信访事项3007件，网信办结率100%。',
    );
    assert.match(s6PetitionText(stats, { year: 2021 }), /^2021年，县人民来访接待中心/);
  });

  test("each recorded leader level gets its own words; unrecorded ones the agency's default", () => {
    const visit = (persons: number, leaderLevel: PetitionFacts['leaderLevel']) =>
      fact({ channel: 'visit', persons, leaderReceived: true, leaderLevel });
    const stats = computePetitionStatistics(
      [visit(2, 'township'), visit(3, 'township'), visit(4, 'department'), visit(1, null)],
      [],
      year2021,
    );
    assert.deepEqual(stats.leaderReceptions, { batches: 4, persons: 10 });
    assert.deepEqual(stats.leaderReceptionsByLevel.township, { batches: 2, persons: 5 });
    assert.equal(
      s6PetitionText(stats, { receptionCenter: '镇信访办' }),
      '镇信访办共接待群众来访4批10人次，县级领导接待来访群众1批1人次，乡级领导接待来访群众2批5人次，部门负责人接待来访群众1批4人次。未收到群众来信、网上信访事项。',
    );
    const townOnly = computePetitionStatistics([visit(2, 'township')], [], year2021);
    assert.equal(
      s6PetitionText(townOnly, { receptionCenter: '镇信访办' }),
      '镇信访办共接待群众来访1批2人次，乡级领导接待来访群众1批2人次。未收到群众来信、网上信访事项。',
    );
  });

  test('without leader receptions, visits or a known rate the text leaves those parts out', () => {
    const stats = computePetitionStatistics(
      [fact({ channel: 'visit', persons: 3 }), fact({ channel: 'online' })],
      [],
      year2021,
    );
    assert.equal(
      s6PetitionText(stats, { receptionCenter: '市信访局', leaderLevel: '市级领导' }),
      '市信访局共接待群众来访1批3人次。群众来信、网上信访共办理信访事项1件。',
    );
    const empty = computePetitionStatistics([], [], year2021);
    assert.equal(
      s6PetitionText(empty),
      '县人民来访接待中心未接待群众来访。未收到群众来信、网上信访事项。',
    );
  });
});
