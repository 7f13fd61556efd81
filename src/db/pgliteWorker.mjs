// The database thread's entry: workers do not inherit the main thread's tsx hooks on Node 20.
import { register } from 'tsx/esm/api';

register();
await import('./pgliteWorker.ts');
