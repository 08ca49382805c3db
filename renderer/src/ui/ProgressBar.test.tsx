import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderUi } from '../test/render-ui';
import { estimate, ProgressBar } from './ProgressBar';

afterEach(cleanup);

const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;

describe('estimate', () => {
  it('takes the rate so far and the time the rest needs at it', () => {
    expect(estimate(100, 400, 0, 10 * 60_000)).toEqual({ perMinute: 10, secondsLeft: 30 * 60 });
  });

  it('does not guess before the first item or the first second, and is done at the total', () => {
    expect(estimate(0, 10, 0, 60_000)).toEqual({ perMinute: null, secondsLeft: null });
    expect(estimate(3, 10, 0, 500)).toEqual({ perMinute: null, secondsLeft: null });
    expect(estimate(10, 10, 0, 60_000)).toEqual({ perMinute: null, secondsLeft: 0 });
  });
});

describe('ProgressBar', () => {
  it('shows done of total, the rate and about how long is left', () => {
    renderUi(<ProgressBar done={120} total={1200} startedAt={minutesAgo(2)} label="Sending" testId="progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Sending' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['120', '1200']);
    expect(screen.getByText('120 of 1,200')).toBeTruthy();
    expect(screen.getByText('60 per minute')).toBeTruthy();
    expect(screen.getByTestId('progress-eta').textContent).toBe('About 18 minutes left');
  });

  it('words the time left with Russian plural forms', () => {
    renderUi(<ProgressBar done={50} total={150} startedAt={minutesAgo(1)} label="Отправка" testId="progress" />, 'ru');
    expect(screen.getByTestId('progress-eta').textContent).toBe('Осталось около 2 минут');
    cleanup();
    renderUi(<ProgressBar done={10} total={20} startedAt={minutesAgo(21)} label="Отправка" testId="progress" />, 'ru');
    expect(screen.getByTestId('progress-eta').textContent).toBe('Осталось около 21 минуты');
  });

  it('says so when finished, and in hours when the rest is long', () => {
    renderUi(<ProgressBar done={10} total={10} startedAt={minutesAgo(1)} label="Sending" testId="done" />);
    expect(screen.getByTestId('done-eta').textContent).toBe('Finished');
    renderUi(<ProgressBar done={10} total={1000} startedAt={minutesAgo(10)} label="Sending" testId="long" />);
    expect(screen.getByTestId('long-eta').textContent).toBe('About 17 hours left');
  });
});
