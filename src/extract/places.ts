// Extractor of place findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractPlaces: Extractor<'place'> = () => [];
