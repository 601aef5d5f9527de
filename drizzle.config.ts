import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from src/store/schema.ts (`npm run db:generate`).
// Migrations are applied by the app itself (src/store/migrate.ts), on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});
