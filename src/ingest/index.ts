// Ingest: file bytes → PlanText (normalized text + exact map to the source + repairs).
//
//   sniff (content first) → decode (text formats) → convert (table by format) → normalize
//
// Every refusal is an IngestError naming the file, the reason and what to do.
import type { PlanText, SourceFormat } from '../core/types';
import { converters } from './converters/index';
import { decodeText, type Decoded } from './encoding';
import { assertSize, DEFAULT_MAX_EXPANDED_BYTES, IngestError, type IngestOptions } from './errors';
import { normalize } from './normalize';
import { extensionOf, sniffContainer, sniffTextFormat } from './sniff';

export { IngestError, assertSize, type IngestErrorCode, type IngestOptions } from './errors';
export { sniffFormat } from './sniff';
export { toSourceOffset, toNormalizedOffset, sourceSpan, type Bias } from './rewrite';

const EXTENSION_FORMAT: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

function checkOptions(opts: IngestOptions | undefined): void {
  for (const key of ['maxBytes', 'maxExpandedBytes'] as const) {
    const v = opts?.[key];
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new TypeError(`ingest option ${key} must be a positive number of bytes, got ${String(v)}`);
  }
}

export async function ingestBytes(bytes: Uint8Array, fileName: string, opts?: IngestOptions): Promise<PlanText> {
  checkOptions(opts);
  assertSize(bytes.length, fileName, opts);
  const container = sniffContainer(bytes, fileName);
  let decoded: Decoded | null = null;
  let format: SourceFormat;
  if (container) format = container;
  else {
    decoded = decodeText(bytes, fileName);
    if (decoded.text.trim() === '') {
      throw new IngestError(fileName, 'empty', `the file contains only whitespace (${bytes.length} bytes). Check that the export or download completed.`);
    }
    format = sniffTextFormat(decoded.text, fileName);
  }

  const conversion = await converters[format]({
    bytes,
    fileName,
    decoded,
    maxExpandedBytes: opts?.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES,
  });
  const warnings = [...conversion.warnings];
  const ext = extensionOf(fileName);
  const named = EXTENSION_FORMAT[ext];
  if (named && named !== format) warnings.push(`the file name says .${ext} but the content is ${format.toUpperCase()}; read as ${format.toUpperCase()}.`);
  if (conversion.source.trim() === '') {
    throw new IngestError(fileName, 'empty', `the ${format.toUpperCase()} contains no text. Check that it is the right file.`);
  }

  const { text, map, repairs } = normalize({
    source: conversion.source,
    convert: conversion.convert,
    joinLines: conversion.joinLines,
    markdownInside: conversion.markdownInside,
    softBreaks: conversion.softBreaks,
  });
  if (text.trim() === '') {
    throw new IngestError(fileName, 'empty', `no text is left after converting the ${format.toUpperCase()} (only markup, scripts or page furniture). Check that it is the right file.`);
  }
  return {
    fileName,
    format,
    encoding: conversion.encoding,
    bom: conversion.bom,
    source: conversion.source,
    text,
    map,
    repairs,
    warnings,
  };
}
