// The pool's worker entry: workers do not inherit the main thread's tsx hooks on Node 20.
import { register } from 'tsx/esm/api';

register();
const { default: runJob } = await import('./worker.ts');
export default runJob;
