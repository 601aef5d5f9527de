// Turns a FieldError from the curation commands into a 400 that names the field, so a form can
// show the message next to the input it is about.
import { FieldError } from '../core/finding-fields';
import { HttpError } from './errors';

export function fieldOf(message: string): string | undefined {
  const unknown = /unknown field\(s\) ([\w]+)/.exec(message);
  if (unknown) return unknown[1];
  const named = /^\w+\.(\w+)/.exec(message);
  if (named) return named[1];
  if (/^add: (the quote|quote)/.test(message)) return 'quote';
  if (/^add: .*occurs|^add: occurrence/.test(message)) return 'occurrence';
  if (/^correct: give at least one field/.test(message)) return 'fields';
  return undefined;
}

/** Runs a command; a FieldError becomes a 400 invalid-field naming the field. */
export async function withFieldErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof FieldError) throw new HttpError(400, 'invalid-field', e.message, fieldOf(e.message));
    throw e;
  }
}
