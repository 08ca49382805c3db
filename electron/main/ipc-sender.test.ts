import { describe, expect, it } from 'vitest';
import { isFromDeskWindow } from './ipc-sender';

const mainFrame = { name: 'main frame' };
const webContents = { mainFrame };
const deskWindow = { webContents, isDestroyed: () => false };

describe('IPC sender check', () => {
  it('accepts only the top-level page of the desk window', () => {
    expect(isFromDeskWindow({ sender: webContents, senderFrame: mainFrame }, deskWindow)).toBe(true);
  });

  it('refuses a frame inside the page, another webContents, no window or a closed one', () => {
    expect(isFromDeskWindow({ sender: webContents, senderFrame: { name: 'iframe' } }, deskWindow)).toBe(false);
    expect(isFromDeskWindow({ sender: { mainFrame }, senderFrame: mainFrame }, deskWindow)).toBe(false);
    expect(isFromDeskWindow({ sender: webContents, senderFrame: null }, deskWindow)).toBe(false);
    expect(isFromDeskWindow({ sender: webContents, senderFrame: mainFrame }, null)).toBe(false);
    expect(isFromDeskWindow({ sender: webContents, senderFrame: mainFrame }, { ...deskWindow, isDestroyed: () => true })).toBe(false);
  });
});
