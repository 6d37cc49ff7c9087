/**
 * The popup's glue for "On this page": finds the tab the popup is about, asks
 * its content script for the page's mentions, and asks it to open a card.
 *
 * The tab is the active tab of the current window. A test (where the popup is
 * opened as a tab of its own) targets another tab with `popup.html?tab=<id>`.
 */
import { useCallback, useEffect, useState } from 'react';
import { OnThisPage, type PageDigestState } from '@/components/on-this-page/OnThisPage';
import { sendToTab } from '@/lib/browser/send-to-tab';

/** The tab id given as `?tab=<id>`, or null. */
function explicitTabId(): number | null {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

/** The tab the popup is about: `?tab=<id>` when given, else the current window's active tab. */
export async function targetTabId(): Promise<number | null> {
  const explicit = explicitTabId();
  if (explicit !== null) return explicit;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function PageDigestSection() {
  const [state, setState] = useState<PageDigestState>({ phase: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const id = await targetTabId();
      if (id === null) throw new Error('no active tab');
      const digest = await sendToTab(id, { type: 'content/list-mentions' });
      if (!cancelled) {
        setTabId(id);
        setState({ phase: 'ready', digest });
      }
    })().catch(() => {
      // No content script there (a browser page, another site): not an error for the user.
      if (!cancelled) setState({ phase: 'unavailable' });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const choose = useCallback(
    async (mentionId: number) => {
      if (tabId === null) return;
      setMessage(null);
      try {
        const { opened } = await sendToTab(tabId, {
          type: 'content/open-card',
          target: { kind: 'mention', id: mentionId },
          focus: true,
          scroll: true,
        });
        if (!opened) {
          setMessage('That mention is no longer on the page.');
          return;
        }
        // A real popup closes so the page (and the card, which has focus) is in front.
        // Opened as a tab for a test (?tab=), it stays.
        if (explicitTabId() === null) window.close();
      } catch {
        setMessage('Could not open the card on that page.');
      }
    },
    [tabId],
  );

  return <OnThisPage state={state} onChoose={(id) => void choose(id)} message={message} />;
}
