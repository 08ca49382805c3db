import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/contract/index';
import { IPC_CALL_CHANNEL, IPC_EVENTS_CHANNEL } from '../../shared/contract/transport';
import type { Engine } from '../engine/engine';
import { isFromDeskWindow } from './ipc-sender';

/** Binds the contract to IPC: one channel for calls, one for event batches. */
export function bridgeEngineToWindow(engine: Engine, window: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isFromDeskWindow(event, window())) {
      return fail('forbidden', 'Calls are only accepted from the desk window.');
    }
    return engine.dispatch(method, input);
  });
  const unsubscribe = engine.subscribe((events) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENTS_CHANNEL, events);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
