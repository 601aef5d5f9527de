// Extractor of fact findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractFacts: Extractor<'fact'> = () => [];
