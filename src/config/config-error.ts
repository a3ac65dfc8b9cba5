/** A configuration value is missing or malformed. The message names every bad variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = this.constructor.name;
    this.problems = problems;
  }
}
