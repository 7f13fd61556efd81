import { commands } from './commands.ts';
import { printUsage } from './usage.ts';

/** Runs one `gongkai` command and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printUsage();
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`未知命令：${name}。运行 gongkai help 查看可用命令。`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
