/** Which of the model's files a precision names. The model folder itself is configuration (src/config). */
export type Precision = 'fp32' | 'int8';

export function modelFileName(precision: Precision): string {
  return precision === 'fp32' ? 'model.onnx' : 'model.int8.onnx';
}

export function parsePrecision(value: string): Precision {
  if (value !== 'fp32' && value !== 'int8') throw new Error(`precision must be fp32 or int8, got ${value}`);
  return value;
}
