import { type ParseArgsConfig, parseArgs } from 'node:util';
import { GongkaiError } from '../errors.ts';

/** node:util parseArgs with a Chinese error instead of a stack trace for unknown or missing options. */
export function parseCliArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GongkaiError('cli.arguments', { why: (error as Error).message });
  }
}

/** Runs a command body, turning expected errors into a message on stderr and exit code 2. */
export async function runCommand(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof GongkaiError) {
      console.error(`错误：${error.message}`);
      return 2;
    }
    throw error;
  }
}
