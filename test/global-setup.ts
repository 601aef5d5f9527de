// Builds the web app once before the test files run (browser tests serve web/dist).
import { ensureWebBuilt } from '../src/server/web-build';

export default async function setup(): Promise<void> {
  await ensureWebBuilt((s) => process.stdout.write(s));
}
