// Extractor of target findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractTargets: Extractor<'target'> = () => [];
