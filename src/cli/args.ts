import { type ParseArgsConfig, parseArgs } from 'node:util';
import { GongkaiError, isGongkaiError } from '../errors.ts';

/** node:util parseArgs with a Chinese error instead of a stack trace for unknown or missing options. */
export function parseCliArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new GongkaiError('cli.arguments', {
      why: parseArgsMessage(code, (error as Error).message),
    });
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

/** The flags the calculator commands (deadline, fee, remedy) have besides their own. */
export const jsonAndHelp = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

type CalculatorValues<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof jsonAndHelp }>
>['values'];

/**
 * A calculator command (deadline, fee): its options and --json, -h/--help parsed (help prints
 * `usage`), then `body`; an expected error or a bad option is told in Chinese with exit code 2.
 */
export async function runCalculator<O extends OptionsConfig>(
  args: string[],
  usage: string,
  options: O,
  body: (values: CalculatorValues<O>) => Promise<number> | number,
): Promise<number> {
  try {
    const { values } = parseArgs({ args, options: { ...options, ...jsonAndHelp } });
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      return 0;
    }
    return await body(values as CalculatorValues<O>);
  } catch (error) {
    return reportError(error);
  }
}

/** Prints an expected error in Chinese and returns exit code 2; anything else is a bug. */
export function reportError(error: unknown): number {
  if (isGongkaiError(error)) {
    console.error(`错误：${error.message}`);
    return 2;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`参数错误：${parseArgsMessage(code, (error as Error).message)}`);
    return 2;
  }
  throw error;
}

/** node:util parseArgs's English error, said in Chinese. */
function parseArgsMessage(code: string, message: string): string {
  const option = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${option}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option} 的取值无效`;
  return message;
}
