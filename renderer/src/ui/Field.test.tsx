import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderUi } from '../test/render-ui';
import { Field } from './Field';

afterEach(cleanup);

describe('Field', () => {
  it('labels its control and describes it by its hint', () => {
    renderUi(<Field label="Token" hint="From @BotFather">{(control) => <input {...control} />}</Field>);
    const input = screen.getByLabelText('Token');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('From @BotFather').id);
  });

  it('marks the control invalid and announces the error, read before the hint', () => {
    renderUi(
      <Field label="Token" hint="From @BotFather" error="Does not look like a token" testId="token">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Token');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByTestId('token-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-describedby')).toBe(`${error.id} ${screen.getByText('From @BotFather').id}`);
  });
});
