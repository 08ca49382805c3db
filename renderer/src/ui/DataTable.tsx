import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tableToCsv } from './csv';
import { downloadFile } from './download';

export interface Column<Row> {
  id: string;
  header: string;
  /** What the cell shows; the plain value when omitted. */
  cell?(row: Row): ReactNode;
  /** The value sorted by and exported. */
  value(row: Row): string | number | null;
  /** A CSS grid track: '120px', 'minmax(0, 2fr)'; '1fr' when omitted. */
  width?: string;
  sortable?: boolean;
}

type Sort = { column: string; direction: 'ascending' | 'descending' } | null;

interface Props<Row> {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey(row: Row): string | number;
  /** The table's accessible name. */
  label: string;
  /** The exported file's name without ".csv"; no export button without it. */
  exportName?: string;
  /** Hands the file over (a download unless a test says otherwise). */
  saveFile?: typeof downloadFile;
  rowHeight?: number;
  /** What shows instead of rows when there are none. */
  empty?: ReactNode;
  testId?: string;
}

const compare = (a: string | number | null, b: string | number | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
};

/**
 * A table of any length: only the rows in view are in the page. Sortable columns sort on a
 * click of their header (again to reverse); the export saves the rows in the order shown.
 */
export function DataTable<Row>({ rows, columns, rowKey, label, exportName, saveFile = downloadFile, rowHeight = 36, empty, testId }: Props<Row>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.id === sort.column);
    if (!column || !sort) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(column.value(a), column.value(b)));
  }, [rows, columns, sort]);

  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });

  const template: CSSProperties = { gridTemplateColumns: columns.map((c) => c.width ?? 'minmax(0, 1fr)').join(' ') };
  const toggle = (id: string) =>
    setSort((s) => (s?.column === id && s.direction === 'ascending' ? { column: id, direction: 'descending' } : { column: id, direction: 'ascending' }));
  const exportCsv = () => {
    if (!exportName) return;
    const content = tableToCsv(columns.map((c) => c.header), sorted.map((row) => columns.map((c) => c.value(row))));
    saveFile({ filename: `${exportName}.csv`, content });
  };

  return (
    <div className="ui-table" data-testid={testId}>
      <div className="ui-table-bar">
        <span className="ui-table-count">{t('ui.table.rows', { count: rows.length })}</span>
        {exportName && (
          <button type="button" className="button button-small" onClick={exportCsv} disabled={rows.length === 0} data-testid={testId ? `${testId}-export` : undefined}>
            {t('ui.table.exportCsv')}
          </button>
        )}
      </div>
      <div role="table" aria-label={label} aria-rowcount={sorted.length + 1} className="ui-table-grid">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="ui-table-row ui-table-head" style={template}>
            {columns.map((c) => (
              <div
                key={c.id}
                role="columnheader"
                aria-sort={sort?.column === c.id ? sort.direction : c.sortable ? 'none' : undefined}
                className="ui-table-cell"
              >
                {c.sortable ? (
                  <button type="button" className="ui-table-sort" onClick={() => toggle(c.id)}>
                    {c.header}
                    <span aria-hidden="true">{sort?.column === c.id ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  c.header
                )}
              </div>
            ))}
          </div>
        </div>
        {sorted.length === 0 && empty ? (
          empty
        ) : (
          <div role="rowgroup" ref={scrollerRef} className="ui-table-body" data-virtual-scroller="">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = sorted[item.index]!;
                return (
                  <div
                    key={rowKey(row)}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="ui-table-row"
                    style={{ ...template, position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                  >
                    {columns.map((c) => (
                      <div key={c.id} role="cell" className="ui-table-cell">
                        {c.cell ? c.cell(row) : c.value(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
