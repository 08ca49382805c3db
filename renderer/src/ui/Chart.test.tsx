import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderUi } from '../test/render-ui';
import { Chart } from './Chart';

afterEach(cleanup);

describe('Chart', () => {
  it('draws each series in a theme colour, so light and dark both apply', () => {
    const { container } = renderUi(
      <Chart
        label="Messages per day"
        width={600}
        series={[
          { name: 'In', points: [{ x: 1, y: 4 }, { x: 2, y: 9 }, { x: 3, y: 6 }] },
          { name: 'Out', points: [{ x: 1, y: 2 }, { x: 3, y: 5 }], tone: 'success' },
        ]}
        testId="chart"
      />,
    );
    expect(screen.getByTestId('chart').getAttribute('aria-label')).toBe('Messages per day');
    const lines = [...container.querySelectorAll('path.recharts-line-curve')];
    expect(lines.map((line) => line.getAttribute('stroke'))).toEqual(['var(--accent)', 'var(--success)']);
    expect(lines.every((line) => (line.getAttribute('d') ?? '').length > 0)).toBe(true);
  });

  it('draws bars, one per point', () => {
    const { container } = renderUi(
      <Chart kind="bar" label="Joins" width={600} series={[{ name: 'Joins', points: [{ x: 'Mon', y: 3 }, { x: 'Tue', y: 7 }] }]} />,
    );
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle path')];
    expect(bars).toHaveLength(2);
    expect(bars.every((bar) => bar.getAttribute('fill') === 'var(--accent)')).toBe(true);
  });

  it('says there is nothing to show instead of drawing empty axes', () => {
    renderUi(<Chart label="Joins" series={[{ name: 'Joins', points: [] }]} testId="chart" />, 'ru');
    expect(screen.getByTestId('chart').textContent).toBe('Пока нечего показать');
  });
});
