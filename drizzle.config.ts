import { defineConfig } from 'drizzle-kit';

/** Core tables live in src/db/schema.ts; each capability keeps its own in src/db/schema/<area>.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/schema/*.ts'],
  out: './drizzle',
});
