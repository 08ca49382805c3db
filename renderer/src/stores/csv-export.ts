import type { CsvFile } from '../../../shared/domain/logs';
import { errorMessage } from '../client/desk-client';

/** A store's "Export CSV": the engine writes the file, `saveFile` hands it to the person. */
export interface CsvExport {
  exporting: boolean;
  exportError: string | null;
  exportCsv(): Promise<void>;
}

export function csvExport(
  set: (patch: Partial<CsvExport>) => void,
  saveFile: (file: CsvFile) => void,
  fetchFile: () => Promise<CsvFile>,
) {
  return {
    exporting: false,
    exportError: null,
    async exportCsv() {
      set({ exporting: true, exportError: null });
      try {
        saveFile(await fetchFile());
        set({ exporting: false });
      } catch (error) {
        set({ exporting: false, exportError: errorMessage(error) });
      }
    },
  } satisfies CsvExport;
}
