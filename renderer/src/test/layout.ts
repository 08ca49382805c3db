import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom lays nothing out, so a virtual list would see a viewport of 0 px. This gives every
 * element marked `data-virtual-scroller` a viewport, every other element a row height, and
 * makes scrolling move `scrollTop` and fire `scroll` the way a browser does. Returns the undo.
 */
export function stubLayout({ viewport = 600, row = 60 }: { viewport?: number; row?: number } = {}): () => void {
  const tops = new WeakMap<Element, number>();
  const undo: (() => void)[] = [];
  const define = (proto: object, name: string, descriptor: PropertyDescriptor) => {
    const original = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, { configurable: true, ...descriptor });
    undo.push(() => {
      if (original) Object.defineProperty(proto, name, original);
      else delete (proto as Record<string, unknown>)[name];
    });
  };
  const isScroller = (el: Element) => el.hasAttribute('data-virtual-scroller');
  const contentHeight = (el: Element) => Math.max(0, ...[...el.children].map((c) => parseFloat((c as HTMLElement).style.height) || 0));

  define(HTMLElement.prototype, 'clientHeight', { get: function (this: HTMLElement) { return isScroller(this) ? viewport : 0; } });
  define(HTMLElement.prototype, 'clientWidth', { get: () => 800 });
  define(HTMLElement.prototype, 'offsetHeight', { get: () => row });
  define(HTMLElement.prototype, 'offsetWidth', { get: () => 800 });
  define(Element.prototype, 'scrollHeight', { get: function (this: Element) { return contentHeight(this); } });
  define(Element.prototype, 'scrollTop', {
    get: function (this: Element) { return tops.get(this) ?? 0; },
    set: function (this: Element, value: number) { tops.set(this, Math.max(0, Math.min(value, contentHeight(this) - viewport))); },
  });
  define(Element.prototype, 'scrollTo', {
    value: function (this: Element, options: ScrollToOptions) {
      if (options.top === undefined) return;
      this.scrollTop = options.top;
      // A browser reports the scroll after the current task, not inside the caller.
      setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
    },
  });
  return () => undo.reverse().forEach((restore) => restore());
}

/** Scrolls a stubbed scroller as a person would, and lets the list react. */
export function scrollTo(element: Element, top: number): void {
  element.scrollTop = top;
  element.dispatchEvent(new Event('scroll'));
}

/** Every test of the file gets the stubbed layout, and its rendered tree is cleaned up after it. */
export function stubLayoutForEachTest(options?: Parameters<typeof stubLayout>[0]): void {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    restore = stubLayout(options);
  });
  afterEach(() => {
    cleanup();
    restore();
  });
}
