import { FormatRegistry } from '@sinclair/typebox';

/** JSON-schema format of dates that must name a real day; patterns check only the digits' shape. */
export const CALENDAR_DATE = 'calendar-date';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * True when the date at the start of the text (2024, 2024-03 or 2024-03-31, possibly followed by a
 * time) exists: no month 13, no 2025-02-30. The schema's pattern says which of those forms it takes
 * and refuses any other text; this check judges only the day.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
  // Another shape is the pattern's to report, once, rather than twice.
  if (!match) return true;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const days = [31, isLeapYear(Number(year)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  const d = Number(day);
  return d >= 1 && d <= days;
}

// TypeBox's own checks (the job schema's compiled validator) know the format from here on.
FormatRegistry.Set(CALENDAR_DATE, isCalendarDate);
