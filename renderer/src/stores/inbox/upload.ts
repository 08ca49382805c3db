/** Base64 of a slice of a file, built in pieces so a large chunk never overflows the call stack. */
export async function sliceToBase64(file: Blob, start: number, end: number): Promise<string> {
  const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
  let binary = '';
  const piece = 0x8000;
  for (let i = 0; i < bytes.length; i += piece) {
    binary += String.fromCharCode(...bytes.subarray(i, i + piece));
  }
  return btoa(binary);
}

/** A data URL from the engine as a Blob, so the window can hand out a short blob: URL instead. */
export function dataUrlToBlob(dataUrl: string, fallbackType: string): Blob {
  const comma = dataUrl.indexOf(',');
  const head = dataUrl.slice(5, comma);
  const body = dataUrl.slice(comma + 1);
  const type = head.split(';')[0] || fallbackType;
  if (!head.endsWith(';base64')) return new Blob([decodeURIComponent(body)], { type });
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
