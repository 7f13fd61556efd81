import { preparePgliteTemplate, preparePgTemplate } from './template.ts';

/** Run by `npm test` before the suite: builds the demo templates the test files copy. */
const started = Date.now();
await preparePgliteTemplate();
if (process.env.TEST_DATABASE_URL) await preparePgTemplate(process.env.TEST_DATABASE_URL);
console.log(`# demo templates ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
