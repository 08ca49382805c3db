import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import './photo-viewer.css';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/** Telegram sends photos without a name: one that says what and when, e.g. photo-2025-12-03-1017.jpg. */
export function photoFileName(fileName: string | null, mimeType: string, date: number): string {
  if (fileName) return fileName;
  const d = new Date(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `photo-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.${EXTENSIONS[mimeType] ?? 'jpg'}`;
}

/** The photo at full size over the window, with Save and Close; Escape or a click outside closes it. */
export function PhotoViewer({ url, alt, fileName, onClose }: { url: string; alt: string; fileName: string; onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => opener?.focus();
  }, []);
  return createPortal(
    <div className="modal-backdrop photo-viewer-backdrop" onClick={onClose}>
      <div
        className="photo-viewer"
        role="dialog"
        aria-modal="true"
        aria-label={alt}
        data-testid="photo-viewer"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // Escape closes the viewer only, not the chat behind it.
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }}
      >
        <img className="photo-viewer-image" src={url} alt={alt} />
        <div className="photo-viewer-actions">
          <a className="button button-primary" href={url} download={fileName} data-testid="photo-save">
            {t('viewer.save')}
          </a>
          <button ref={closeRef} type="button" className="button" data-testid="photo-close" onClick={onClose}>
            {t('viewer.close')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The photo the media store says is open, if it is still loaded. */
export function OpenPhoto() {
  const { useMediaStore } = useStores();
  const viewing = useMediaStore((s) => s.viewing);
  const entry = useMediaStore((s) => (viewing ? s.entries[viewing.messageId] : undefined));
  const view = useMediaStore((s) => s.view);
  if (!viewing || entry?.state !== 'ready') return null;
  return <PhotoViewer url={entry.url} alt={viewing.alt} fileName={viewing.fileName} onClose={() => view(null)} />;
}
