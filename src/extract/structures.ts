// Extractor of structure findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractStructures: Extractor<'structure'> = () => [];
