import { contextBridge, ipcRenderer } from 'electron';
import { createEventFanout } from '../../shared/contract/event-fanout';
import type { DeskApi, DeskEvent } from '../../shared/contract/index';
import { IPC_CALL_CHANNEL, IPC_EVENTS_CHANNEL } from '../../shared/contract/transport';

const events = createEventFanout();
ipcRenderer.on(IPC_EVENTS_CHANNEL, (_event, batch: DeskEvent[]) => events.deliver(batch));

/** The window's only door to the engine. Nothing of Electron or Node is exposed. */
const desk: DeskApi = {
  call: (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input),
  on: (type, listener) => events.on(type, listener),
};

contextBridge.exposeInMainWorld('desk', desk);
