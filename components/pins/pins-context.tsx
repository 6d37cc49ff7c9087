/**
 * The pins of the popup and the full page, shared by the parts that show
 * them (the active pin's lead above the verdict, the pins section below it).
 * Everything that reaches the browser is injected as a {@link PinsClient}
 * (lib/browser/pins-client.ts builds the real one), so these components stay
 * free of browser APIs and are tested with a fake.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ReplyData, Request } from '@/lib/messaging';
import type { Pin, PinId } from '@/lib/pins';

export type PinsList = ReplyData<'pins/list'>;
export type SaveRequest = Omit<Request<'pins/save'>, 'type'>;

/** What the pins UI needs from outside. */
export interface PinsClient {
  list(): Promise<PinsList>;
  save(request: SaveRequest): Promise<Pin>;
  remove(id: PinId): Promise<void>;
  setActive(id: PinId | null): Promise<void>;
  /** Calls `listener` when the worker says the pins changed; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  copyText(text: string): Promise<void>;
  /** Saves `text` as a file the user downloads. */
  download(filename: string, text: string): void;
  /** Opens the import page (paste, file or link), in a tab of its own. */
  openImportPage(): void;
  /** The page the user is on, when a share link could open there; null otherwise. */
  currentPageUrl(): Promise<string | null>;
}

export type PinsState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | ({ phase: 'ready' } & PinsList);

interface PinsContextValue {
  state: PinsState;
  client: PinsClient;
  /** Reads the pins again (after a change this page made; other changes arrive by push). */
  reload(): Promise<void>;
  /** The page a share link opens on by default. */
  pageUrl: string | null;
}

const PinsContext = createContext<PinsContextValue | null>(null);

export function PinsProvider({ client, children }: { client: PinsClient; children: ReactNode }) {
  const [state, setState] = useState<PinsState>({ phase: 'loading' });
  const [pageUrl, setPageUrl] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      client.list().then(
        (list) => setState({ phase: 'ready', ...list }),
        (error: unknown) => setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) }),
      ),
    [client],
  );

  // Read on mount, and again whenever the worker says the pins changed (another window, an import, a feed).
  useEffect(() => {
    void reload();
    return client.subscribe(() => void reload());
  }, [client, reload]);

  useEffect(() => {
    let cancelled = false;
    client.currentPageUrl().then(
      (url) => !cancelled && setPageUrl(url),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  const value = useMemo(() => ({ state, client, reload, pageUrl }), [state, client, reload, pageUrl]);
  return <PinsContext.Provider value={value}>{children}</PinsContext.Provider>;
}

export function usePins(): PinsContextValue {
  const value = useContext(PinsContext);
  if (!value) throw new Error('usePins needs a <PinsProvider> around it.');
  return value;
}
