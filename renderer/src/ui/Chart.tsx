import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

/** The theme's colours (theme.css), so a chart follows light and dark like the rest of the window. */
const TONES = ['accent', 'success', 'warning', 'danger', 'text-muted'] as const;
export type Tone = (typeof TONES)[number];

export interface Series {
  name: string;
  points: readonly { x: number | string; y: number }[];
  tone?: Tone;
}

interface Props {
  kind?: 'line' | 'bar';
  series: readonly Series[];
  /** What the chart shows, for screen readers and as its title attribute. */
  label: string;
  height?: number;
  /** A fixed width in px; by default the chart fills its container and follows its size. */
  width?: number;
  formatX?(x: number | string): string;
  formatY?(y: number): string;
  testId?: string;
}

/** One row per x with a column per series: the shape recharts draws from. */
function toRows(series: readonly Series[]) {
  const rows = new Map<number | string, Record<string, number | string>>();
  series.forEach((s, index) => {
    for (const { x, y } of s.points) rows.set(x, { ...(rows.get(x) ?? { x }), [`s${index}`]: y });
  });
  return [...rows.values()].sort((a, b) => (typeof a.x === 'number' && typeof b.x === 'number' ? a.x - b.x : 0));
}

/** Plain series in, a line or bar chart out, coloured by the theme. */
export function Chart({ kind = 'line', series, label, height = 220, width, formatX, formatY, testId }: Props) {
  const { t } = useTranslation();
  if (series.every((s) => s.points.length === 0)) return <EmptyState title={t('ui.chart.empty')} testId={testId} />;
  const rows = toRows(series);
  const colour = (s: Series, index: number) => `var(--${s.tone ?? TONES[index % TONES.length]})`;
  const size = width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };
  const axis = { stroke: 'var(--border)', tick: { fill: 'var(--text-muted)', fontSize: 12 } };
  const common = (
    <>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="x" {...axis} tickFormatter={formatX} />
      <YAxis {...axis} tickFormatter={formatY} width={48} />
      <Tooltip
        labelFormatter={(x) => (formatX ? formatX(x as number | string) : String(x))}
        formatter={(y) => (formatY ? formatY(Number(y)) : String(y))}
        contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius)', color: 'var(--text)' }}
      />
      {series.length > 1 && <Legend />}
    </>
  );
  return (
    <figure className="ui-chart" data-testid={testId} aria-label={label} title={label}>
      {kind === 'line' ? (
        <LineChart data={rows} {...size} accessibilityLayer>
          {common}
          {series.map((s, i) => (
            <Line key={s.name} dataKey={`s${i}`} name={s.name} stroke={colour(s, i)} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart data={rows} {...size} accessibilityLayer>
          {common}
          {series.map((s, i) => (
            <Bar key={s.name} dataKey={`s${i}`} name={s.name} fill={colour(s, i)} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </figure>
  );
}
