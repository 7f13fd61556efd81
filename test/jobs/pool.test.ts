import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { JobPool } from '../../src/jobs/pool.ts';
import type { tasks } from './hogTasks.ts';

const tasksModule = new URL('./hogTasks.ts', import.meta.url);

describe('job pool', () => {
  const pool = new JobPool<typeof tasks>({ tasksModule, threads: 1, cpuMs: 500, memoryMb: 64 });
  after(() => pool.close());

  test('runs a task in a worker and returns its result', async () => {
    assert.equal(await pool.run('echo', { value: '公开' }), '公开');
  });

  test("a task's GongkaiError comes back with its code and message", async () => {
    await assert.rejects(pool.run('refuse', null), {
      code: 'report.unreadable',
      message: '测试拒绝',
    });
  });

  test('a job over its CPU limit is stopped and refused in Chinese; the pool goes on', async () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    await assert.rejects(pool.run('spin', { stop }, { label: '附件“a.pdf”' }), (error: Error) => {
      assert.equal((error as { code?: string }).code, 'jobs.cpu-limit');
      assert.match(error.message, /附件“a\.pdf”处理所需的计算时间超过了限制（0\.5 秒）/);
      return true;
    });
    assert.equal(await pool.run('echo', { value: '仍可用' }), '仍可用');
  });

  test('a job over its memory limit is refused in Chinese; the pool goes on', async () => {
    await assert.rejects(pool.run('hog', null, { cpuMs: 60_000 }), (error: Error) => {
      assert.equal((error as { code?: string }).code, 'jobs.memory-limit');
      assert.match(error.message, /内存超过了限制（64 MB）/);
      return true;
    });
    assert.equal(await pool.run('echo', { value: '仍可用' }), '仍可用');
  });
});

describe('job pool queue', () => {
  const pool = new JobPool<typeof tasks>({ tasksModule, threads: 1, queue: 1 });
  after(() => pool.close());

  test('a job beyond the running one and the full queue is refused as busy', async () => {
    assert.equal(await pool.run('echo', { value: '预热' }), '预热');
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const running = pool.run('gate', { gate });
    while (Atomics.load(gate, 1) === 0) await delay(10);
    const queued = pool.run('echo', { value: '排队' });
    await assert.rejects(pool.run('echo', { value: '多余' }), { code: 'jobs.busy' });
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    assert.equal(await running, 'opened');
    assert.equal(await queued, '排队');
  });
});
