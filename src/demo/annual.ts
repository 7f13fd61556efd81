/**
 * Demo step of the annual reports: 湘潭县信访局's 2021 report reproduced from its records and
 * published (annualXfj.ts), then the fictional 示例县 (annualShili.ts).
 */
import type { Db } from '../db/database.ts';
import { loadShili } from './annualShili.ts';
import { loadXfj2021 } from './annualXfj.ts';

export async function annualDemo(db: Db): Promise<void> {
  await loadXfj2021(db);
  await loadShili(db);
}
