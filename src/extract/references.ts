// Extractor of reference findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractReferences: Extractor<'reference'> = () => [];
