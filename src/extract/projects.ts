// Extractor of project findings (stub until implemented).
import type { Extractor } from '../core/findings';

export const extractProjects: Extractor<'project'> = () => [];
