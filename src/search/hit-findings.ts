// The effective findings (decisions applied) of the versions a search page shows; each merge is
// cached by getEffectiveFindings while the version's findings and the plan's decisions stay the same.
import type { EffectiveFinding } from '../core/curation';
import type { Store } from '../store/db';
import { getEffectiveFindings } from '../store/findings';

export async function effectiveFindingsOf(store: Store, versionIds: readonly number[]): Promise<Map<number, EffectiveFinding[]>> {
  const out = new Map<number, EffectiveFinding[]>();
  for (const v of versionIds) out.set(v, (await getEffectiveFindings(store, v)).findings);
  return out;
}
