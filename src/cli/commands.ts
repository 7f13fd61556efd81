/** A CLI command module: `run` receives the arguments after the command name and returns the exit code. */
export interface Command {
  run(args: string[]): Promise<number>;
}

/** Every `gongkai` command, loaded lazily so that start-up stays fast. */
export const commands: Record<string, () => Promise<Command>> = {
  start: () => import('./start.ts'),
  serve: () => import('./serve.ts'),
  migrate: () => import('./migrate.ts'),
  agency: () => import('./agency.ts'),
  user: () => import('./user.ts'),
  demo: () => import('./demo.ts'),
  backup: () => import('./backup.ts'),
  restore: () => import('./restore.ts'),
  calendar: () => import('./calendar.ts'),
  reproject: () => import('./reproject.ts'),
  deadline: () => import('./deadline.ts'),
  fee: () => import('./fee.ts'),
  remedy: () => import('./remedy.ts'),
  check: () => import('./check.ts'),
  render: () => import('./render.ts'),
  import: () => import('./import.ts'),
  report: () => import('./report.ts'),
  'import-catalogue': () => import('./importCatalogue.ts'),
  'export-open-data': () => import('./exportOpenData.ts'),
  scan: () => import('./scan.ts'),
  outbox: () => import('./outbox.ts'),
};
