import type { Db } from '../db/database.ts';
import { annualDemo } from './annual.ts';
import { demoCases } from './cases.ts';
import { catalogDemo } from './catalog.ts';
import { petitionsDemo } from './petitions.ts';

/** A step adds one kind of demo record. It must be safe to run again (keep what exists). */
export type DemoStep = (db: Db) => Promise<void>;

/** Each capability appends its demo step here, in dependency order (annual reports last). */
export const demoSteps: DemoStep[] = [petitionsDemo, demoCases, catalogDemo, annualDemo];
