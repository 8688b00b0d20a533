import { isIsoDate } from './dates.js';

/** The formats our schemas use, with the toolkit's one date logic behind `date`. */
export const SCHEMA_FORMATS = {
  date: { type: 'string', validate: isIsoDate },
} as const;
