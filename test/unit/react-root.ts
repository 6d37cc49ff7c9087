/**
 * A React root for component tests (happy-dom): a fresh container per test,
 * unmounted and removed after it. Call once at the top of a test file.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

export interface TestRoot {
  readonly container: HTMLElement;
  readonly root: Root;
  /** Renders inside act(), so effects have run when it returns. */
  render(node: ReactNode): void;
}

export function useTestRoot(): TestRoot {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  let container: HTMLElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root!.unmount());
    container!.remove();
  });
  return {
    get container() {
      return container!;
    },
    get root() {
      return root!;
    },
    render: (node) => act(() => root!.render(node)),
  };
}
