// What every route module gets: the store and the loaded lexicons/gazetteer.
import type { Lexicons } from '../core/findings';
import type { Gazetteer } from '../core/types';
import type { Store } from '../store/db';

export interface AppContext {
  store: Store;
  gazetteer: Gazetteer;
  lexicons: Lexicons;
  /** Largest accepted upload, in bytes. */
  maxFileBytes: number;
  /** Who is acting (no accounts yet: one local user). */
  actor: string;
}
