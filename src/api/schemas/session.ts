import { Type } from '@sinclair/typebox';

export const SignInSchema = Type.Object(
  { apiKey: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  role: Type.Union([Type.Literal('read'), Type.Literal('submit'), Type.Literal('admin')]),
  authentication: Type.Boolean({
    description: 'false when the server runs without API keys (loopback only)',
  }),
});
