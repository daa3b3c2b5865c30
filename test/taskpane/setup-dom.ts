/**
 * What Fluent UI v9 needs from a browser that jsdom lacks: ResizeObserver (tabs, overflow),
 * matchMedia (reduced-motion checks) and scrollIntoView (focus management in lists). No-op
 * stand-ins: layout does not exist in jsdom anyway.
 */
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as Record<string, unknown>;
w.ResizeObserver ??= ResizeObserverStandIn;
w.matchMedia ??= (query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
});
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};

export {};
