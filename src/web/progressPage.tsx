/**
 * A long staff job (the county roll-up, a report import) answered as a streamed page: the frame
 * and a progress list go out at once, a line per step as the job reaches it, then the result —
 * instead of a silent request of many seconds. Plain HTML the browser renders as it arrives, no
 * script and no job table; the admission slot is held until the last byte (env `streamDone`).
 */
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { isGongkaiError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { Alert } from './views/formFields.tsx';

/** Reports that the job has reached a step (shown as a line of the list). */
export type Step = (label: string) => void;

const SLOT = '<!--gongkai-progress-->';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Streams `frame` (a full page whose body holds `progressSlot`) with the job's steps and then its
 * result in place of the slot. A failure shows its Chinese message there (the status is already
 * sent); anything but a GongkaiError is logged and shown as a general failure.
 */
export async function progressPage(
  c: Context<AppEnv>,
  frame: (slot: Child) => Child,
  job: (step: Step) => Promise<Child>,
): Promise<Response> {
  const [head, tail] = String(await frame(raw(SLOT))).split(SLOT);
  const encoder = new TextEncoder();
  let done = () => {};
  c.set('streamDone', new Promise<void>((resolve) => (done = resolve)));
  // A reader who leaves (the tab closed) cancels the stream; the job still finishes and frees its slot.
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (html: string) => {
        if (open) controller.enqueue(encoder.encode(html));
      };
      const started = performance.now();
      send(`${head}<ol class="job-progress" aria-live="polite">`);
      try {
        const result = await job((label) =>
          send(`<li>${escapeHtml(label)}（${seconds(started)} 秒）</li>`),
        );
        send(`<li>完成，用时 ${seconds(started)} 秒。</li></ol>${await String(await result)}`);
      } catch (error) {
        if (!isGongkaiError(error)) console.error(error);
        const message = isGongkaiError(error) ? error.message : '处理失败，请稍后重试。';
        send(`</ol>${String(await (<Alert message={message} />))}`);
      } finally {
        try {
          send(tail);
          if (open) controller.close();
        } finally {
          done(); // the slot is freed even if the stream broke under us
        }
      }
    },
    cancel() {
      open = false;
    },
  });
  // nginx would otherwise hold the lines back until the page is complete (docs/deployment.md).
  return c.body(body, 200, {
    'content-type': 'text/html; charset=UTF-8',
    'x-accel-buffering': 'no',
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
