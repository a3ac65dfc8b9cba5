/**
 * Words that join the two ends of a stated range (60百万港元至70百万港元, 6.5～7.0元, 10—12亿元), as a
 * regular-expression alternation. A plain hyphen is left to each reader: it is also a minus sign.
 */
export const RANGE_JOIN_WORDS = '至|到|~|～|－|—|–';
