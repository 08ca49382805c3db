import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../shared/contract/result';
import type { LogEntry } from '../../../../shared/domain/logs';
import { createFakeClient } from '../../test/fake-client';
import { handleShell } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const entry = (id: number, overrides: Partial<LogEntry> = {}): LogEntry => ({
  id,
  at: Date.UTC(2025, 0, 2, 3, 4, 5) + id,
  level: 'info',
  scope: 'engine',
  message: `line ${id}`,
  details: null,
  ...overrides,
});

function setup() {
  const fake = createFakeClient();
  handleShell(fake);
  fake.handle('logs.list', (input) =>
    input.beforeId
      ? { entries: [entry(1)], hasMore: false }
      : { entries: [entry(3, { level: 'warn', details: { chat: 42 } }), entry(2)], hasMore: true },
  );
  return fake;
}

const rows = () => screen.queryAllByTestId('logs-row').map((r) => r.getAttribute('data-id'));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('logs page', () => {
  beforeEach(() => {
    // jsdom has no object URLs; the download helper needs them.
    URL.createObjectURL = vi.fn(() => 'blob:test');
    URL.revokeObjectURL = vi.fn();
  });

  it('loads entries, filters by level and text, and pages back', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderApp(fake, { area: 'logs' });
    await waitFor(() => expect(rows()).toEqual(['3', '2']));
    expect(fake.callsOf('logs.list')).toEqual([{ minLevel: 'debug', limit: 100 }]);
    expect(screen.getAllByTestId('logs-row')[0]!.textContent).toContain('{"chat":42}');

    await user.selectOptions(screen.getByTestId('logs-level'), 'warn');
    await waitFor(() => expect(fake.callsOf('logs.list')).toHaveLength(2));
    expect(fake.callsOf('logs.list')[1]).toEqual({ minLevel: 'warn', limit: 100 });

    await user.type(screen.getByTestId('logs-text'), 'flood');
    await waitFor(() => expect(fake.callsOf('logs.list')).toHaveLength(3));
    // Debounced: one call for the whole word, not one per key.
    expect(fake.callsOf('logs.list')[2]).toEqual({ minLevel: 'warn', text: 'flood', limit: 100 });

    await user.click(await screen.findByTestId('load-older'));
    await waitFor(() => expect(rows()).toEqual(['3', '2', '1']));
    expect(fake.callsOf('logs.list')[3]).toEqual({ minLevel: 'warn', text: 'flood', limit: 100, beforeId: 2 });
  });

  it('adds live entries that match the filters', async () => {
    const user = userEvent.setup();
    const fake = setup();
    renderApp(fake, { area: 'logs' });
    await waitFor(() => expect(rows()).toEqual(['3', '2']));
    await user.selectOptions(screen.getByTestId('logs-level'), 'warn');
    await waitFor(() => expect(fake.callsOf('logs.list')).toHaveLength(2));
    act(() =>
      fake.emit('logs.appended', { entries: [entry(10, { level: 'debug' }), entry(11, { level: 'error' })] }),
    );
    expect(rows()).toEqual(['11', '3', '2']);
  });

  it('exports the filtered log as a CSV download', async () => {
    const user = userEvent.setup();
    const fake = setup();
    fake.handle('logs.exportLogsCsv', () => ({ filename: 'desk-logs.csv', content: 'id,level\n3,warn\n' }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderApp(fake, { area: 'logs' });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('logs-level'), 'error');
    await user.click(screen.getByTestId('logs-export'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(fake.callsOf('logs.exportLogsCsv')).toEqual([{ minLevel: 'error' }]);
    expect(clicked[0]!.download).toBe('desk-logs.csv');
    expect(clicked[0]!.href).toBe('blob:test');
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // A UTF-8 byte-order mark first (Blob.text() would hide it), then the engine's content.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('id,level\n3,warn\n');
  });

  it('shows a translated error with a retry', async () => {
    const user = userEvent.setup();
    const fake = setup();
    let fail = true;
    fake.handle('logs.list', () => {
      if (fail) throw new DeskError('unavailable', 'engine busy');
      return { entries: [], hasMore: false };
    });
    renderApp(fake, { area: 'logs' });
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load the log: engine busy');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No log entries match these filters.')).toBeTruthy();
  });

  it('shows the audit log in its own tab', async () => {
    const user = userEvent.setup();
    const fake = setup();
    fake.handle('logs.audit', () => ({
      entries: [{ id: 5, at: 0, actor: 'operator:local', actorName: 'This desk', action: 'settings.update', target: 'theme', details: null }],
      hasMore: false,
    }));
    renderApp(fake, { area: 'logs' });
    await user.click(screen.getByTestId('logs-tab-audit'));
    const row = await screen.findByTestId('audit-row');
    expect(row.textContent).toContain('operator:local');
    expect(row.textContent).toContain('settings.update');
    expect(screen.getByTestId('logs-tab-audit').getAttribute('aria-selected')).toBe('true');
    await user.type(screen.getByTestId('audit-text'), 'theme');
    await waitFor(() => expect(fake.callsOf('logs.audit')).toEqual([{ limit: 100 }, { text: 'theme', limit: 100 }]));
  });
});
