import { PNG } from 'pngjs';
import type { SeededRandom } from '../world/random';

/**
 * A phone-screenshot-like PNG (status bar, a header, a few message bubbles), different for
 * every draw: what simulated people send a bot as proof that they did a task.
 */
export function drawScreenshot(random: SeededRandom, width = 360, height = 640): Buffer {
  const png = new PNG({ width, height });
  const fill = (x0: number, y0: number, w: number, h: number, [r, g, b]: [number, number, number]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
        const i = (y * width + x) * 4;
        png.data[i] = r;
        png.data[i + 1] = g;
        png.data[i + 2] = b;
        png.data[i + 3] = 255;
      }
    }
  };
  const accent: [number, number, number] = [random.int(20, 90), random.int(100, 160), random.int(200, 250)];
  fill(0, 0, width, height, [239, 242, 246]);
  fill(0, 0, width, 24, [30, 30, 30]);
  fill(0, 24, width, 56, accent);
  fill(16, 40, random.int(120, 220), 20, [255, 255, 255]);
  let y = 100;
  while (y < height - 80) {
    const mine = random.next() < 0.4;
    const w = random.int(120, 260);
    const h = random.int(36, 90);
    fill(mine ? width - w - 12 : 12, y, w, h, mine ? [220, 248, 198] : [255, 255, 255]);
    y += h + random.int(10, 24);
  }
  fill(0, height - 56, width, 56, [255, 255, 255]);
  fill(width - 120, height - 44, 104, 32, accent);
  return PNG.sync.write(png);
}
