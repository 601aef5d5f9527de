// Extractor of duty findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractDuties: Extractor<'duty'> = () => [];
