export type IngestErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'not-docx'
  | 'corrupt-docx'
  | 'zip-bomb'
  | 'corrupt-pdf'
  | 'no-text-layer'
  | 'unsupported'
  | 'corrupt-table';

/** A file that cannot be ingested. The message names the file, the reason and what to do. */
export class IngestError extends Error {
  constructor(
    public fileName: string,
    public code: IngestErrorCode,
    message: string,
  ) {
    super(message.startsWith(`${fileName}:`) ? message : `${fileName}: ${message}`);
    this.name = 'IngestError';
  }
}

export interface IngestOptions {
  /** Largest accepted file, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Largest total unzipped size of a DOCX, in bytes (default 200 MB). */
  maxExpandedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * Refuse a file by its size before reading it (callers that can stat a file should call this
 * first, so a huge file is never loaded into memory).
 */
export function assertSize(size: number, fileName: string, opts?: IngestOptions): void {
  const max = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > max) {
    throw new IngestError(
      fileName,
      'too-large',
      `the file is ${formatBytes(size)}, over the ${formatBytes(max)} limit. Split the plan into smaller files or raise the limit (maxBytes).`,
    );
  }
  if (size === 0) {
    throw new IngestError(fileName, 'empty', 'the file is empty (0 bytes). Check that the download or export completed.');
  }
}
