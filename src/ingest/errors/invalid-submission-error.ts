/** The metadata of a submission does not make a valid document job; each problem names its field. */
export class InvalidSubmissionError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid submission: ${problems.join('; ')}`);
    this.name = new.target.name;
    this.problems = problems;
  }
}
