import fs from 'node:fs';
import path from 'node:path';

/** Reads a file, refusing it before reading when it is larger than the limit. */
export function readFileChecked(file: string, maxBytes: number): Uint8Array {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) throw new Error(`${file}: no such file`);
  if (st.isDirectory()) throw new Error(`${file}: is a folder, not a file`);
  if (st.size > maxBytes) {
    throw new Error(
      `${path.basename(file)}: the file is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the limit of ${(maxBytes / 1024 / 1024).toFixed(0)} MB (set --max-size or PLANATLAS_MAX_FILE_SIZE to allow more)`,
    );
  }
  return new Uint8Array(fs.readFileSync(file));
}
