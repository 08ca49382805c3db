import type { DeskApi } from '../../shared/contract/index';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when headless mode served the page. */
    desk?: DeskApi;
  }
}

export {};
