import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';

type Schema = Parameters<typeof zodResolver>[0];

/**
 * Validates a form with a contract call's own input schema (shared/contract/domains), so the
 * window refuses exactly what the engine would, with the same words. `toInput` turns what the
 * fields hold (text, '' for none) into the call's input; the form's submitted values are the
 * parsed input, ready for the store action. Field names must be the input's keys, so each
 * refusal lands under its field.
 */
export function contractResolver<Values extends FieldValues, Input extends FieldValues>(
  schema: Schema & { _zod: { output: Input } },
  toInput: (values: Values) => unknown,
): Resolver<Values, unknown, Input> {
  const validate = zodResolver(schema) as unknown as Resolver<FieldValues, unknown, Input>;
  return (values, context, options) => validate(toInput(values) as FieldValues, context, options as never) as never;
}
