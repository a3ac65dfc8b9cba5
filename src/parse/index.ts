export type { AnnouncementHeader } from './announcement-header.js';
export * from './errors/index.js';
export { parseDocument } from './parse-document.js';
export { extractPdfText } from './pdf-text.js';
export type { Forecast, ForecastMetric } from './research-forecasts.js';
export type { NormalizedRating, RatingChange } from './research-rating.js';
export type { Analyst, Rating, ResearchReportHeader } from './research-report-header.js';
export { toSourceSpan } from './traditional-to-simplified.js';
export type * from './types.js';
