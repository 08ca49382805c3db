import type { CsvFile } from '../../../shared/domain/logs';

const BOM = '\uFEFF';

/**
 * Saves text as a file through an ordinary download. A UTF-8 byte-order mark is added when
 * missing so spreadsheet programs read Cyrillic text correctly.
 */
export function downloadFile(file: CsvFile, doc: Document = document): void {
  const content = file.content.startsWith(BOM) ? file.content : BOM + file.content;
  const blob = new Blob([content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = file.filename;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
