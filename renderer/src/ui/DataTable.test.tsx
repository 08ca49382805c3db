import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CsvFile } from '../../../shared/domain/logs';
import { stubLayout } from '../test/layout';
import { renderUi } from '../test/render-ui';
import { DataTable, type Column } from './DataTable';

interface Person {
  id: number;
  name: string;
  joined: number;
}

const columns: Column<Person>[] = [
  { id: 'name', header: 'Name', value: (p) => p.name, sortable: true },
  { id: 'joined', header: 'Joined', value: (p) => p.joined, cell: (p) => `day ${p.joined}`, sortable: true },
];

const people = (n: number): Person[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Person ${String(i + 1).padStart(5, '0')}`, joined: (i * 7919) % n }));

let undoLayout: () => void;
beforeEach(() => (undoLayout = stubLayout({ viewport: 360, row: 36 })));
afterEach(() => {
  cleanup();
  undoLayout();
});

const bodyRows = () => screen.getAllByRole('row').slice(1);
const firstCells = () => bodyRows().map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('DataTable', () => {
  it('puts only the rows in view into the page, however many there are', () => {
    renderUi(<DataTable rows={people(10_000)} columns={columns} rowKey={(p) => p.id} label="People" />);
    expect(screen.getByRole('table', { name: 'People' }).getAttribute('aria-rowcount')).toBe('10001');
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThan(40);
    expect(screen.getByText('10000 rows')).toBeTruthy();
  });

  it('sorts by a column on a click of its header, and reverses on the next', async () => {
    const user = userEvent.setup();
    const rows = [
      { id: 1, name: 'Boris', joined: 3 },
      { id: 2, name: 'Anna', joined: 9 },
      { id: 3, name: 'Clara', joined: 1 },
    ];
    renderUi(<DataTable rows={rows} columns={columns} rowKey={(p) => p.id} label="People" />);
    expect(firstCells()).toEqual(['Boris', 'Anna', 'Clara']);
    await user.click(screen.getByRole('button', { name: 'Joined' }));
    expect(firstCells()).toEqual(['Clara', 'Boris', 'Anna']);
    expect(screen.getByRole('columnheader', { name: /Joined/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: /Joined/ }));
    expect(firstCells()).toEqual(['Anna', 'Boris', 'Clara']);
    expect(screen.getByRole('columnheader', { name: /Joined/ }).getAttribute('aria-sort')).toBe('descending');
    expect(within(bodyRows()[0]!).getAllByRole('cell')[1]!.textContent).toBe('day 9');
  });

  it('exports every row, in the order shown, as CSV through the download path', async () => {
    const user = userEvent.setup();
    const saveFile = vi.fn<(file: CsvFile) => void>();
    const rows = [
      { id: 1, name: 'Boris, the "second"', joined: 3 },
      { id: 2, name: '=HYPERLINK("x")', joined: 1 },
      ...people(500).map((p) => ({ ...p, id: p.id + 10, joined: p.joined + 10 })),
    ];
    renderUi(<DataTable rows={rows} columns={columns} rowKey={(p) => p.id} label="People" exportName="people" saveFile={saveFile} testId="people" />);
    await user.click(screen.getByRole('button', { name: 'Joined' }));
    await user.click(screen.getByTestId('people-export'));
    const [file] = saveFile.mock.calls[0]!;
    expect(file.filename).toBe('people.csv');
    const lines = file.content.trimEnd().split('\r\n');
    expect(lines).toHaveLength(503);
    expect(lines.slice(0, 3)).toEqual(['Name,Joined', `"'=HYPERLINK(""x"")",1`, '"Boris, the ""second""",3']);
  });

  it('shows what it is given for no rows, and offers no empty export', () => {
    renderUi(<DataTable rows={[]} columns={columns} rowKey={(p) => p.id} label="People" exportName="people" empty={<p>Nobody yet</p>} testId="people" />);
    expect(screen.getByText('Nobody yet')).toBeTruthy();
    expect((screen.getByTestId('people-export') as HTMLButtonElement).disabled).toBe(true);
  });
});
