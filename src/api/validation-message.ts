import { CALENDAR_DATE } from '../queue/index.js';

/** The parts of an Ajv error that the messages use. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/**
 * One sentence per problem, naming the field the way clients write it (`body.kind`, `body.source.url`)
 * and saying what is allowed, instead of Ajv's generic "must be equal to one of the allowed values".
 */
export function describeSchemaErrors(errors: readonly SchemaError[], dataVar: string): string {
  return errors.map((error) => describeOne(error, dataVar)).join('; ');
}

function describeOne(error: SchemaError, dataVar: string): string {
  const at = [dataVar, ...error.instancePath.split('/').filter(Boolean)].join('.');
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return `${at}.${String(params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${at}.${String(params.additionalProperty)} is not an accepted field`;
    case 'format':
      return params.format === CALENDAR_DATE
        ? `${at} is not a date that exists`
        : `${at} must be of format ${String(params.format)}`;
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${at} ${error.message ?? 'is invalid'}`;
  }
}
