/**
 * The hover card's always-loaded part, kept tiny (this bundle must stay
 * ≤ 15 KB gzipped; the card UI is React and loads separately):
 *
 * - On the first pointer entry onto a mention (with a modifier key held, when
 *   cards open only then), asks the background to inject the card UI script
 *   (entrypoints/card.content) — once per page. From then on the card UI
 *   follows hovers itself.
 * - Answers the tab-bound messages of lib/messaging.ts: the popup's list of
 *   the page's mentions, and "open a card" (keyboard command, popup), which
 *   loads the card UI first if needed.
 *
 * No zod here: requests are checked by lib/content-guard.ts.
 */
import { isolatedWorld, type CardOpenRequest, type RegisteredMention } from '@/lib/browser/isolated-world';
import { sendGuarded } from '@/lib/browser/send-guarded';
import { isLoadUiReply, parseTabRequest } from '@/lib/content-guard';
import type { PageMention, TabReply, TabReplyData, TabRequest } from '@/lib/messaging';
import { PAGE_MENTION_LIST_LIMIT, snippetAround } from '@/lib/page-digest';
import { hoveredMention, modifierHeld, onMentionHover, onModifierChange } from './hover';
import type { MentionRegistry } from './registry';

/** After this many failed loads the hover path stops asking (requests from the popup still try). */
const MAX_HOVER_LOAD_ATTEMPTS = 3;

let loading: Promise<void> | null = null;
let failedLoads = 0;

/** Injects the card UI once; a failed load may be retried. */
function loadCardUi(): Promise<void> {
  loading ??= sendGuarded({ type: 'card/load-ui' }, isLoadUiReply).then(
    () => undefined,
    (error: unknown) => {
      loading = null;
      failedLoads += 1;
      throw error;
    },
  );
  return loading;
}

/** Opens a card through the card UI, loading it first if needed. */
function requestCard(request: CardOpenRequest): Promise<boolean> {
  const bridge = isolatedWorld();
  if (bridge.cardUi) return bridge.cardUi.open(request);
  return new Promise<boolean>((resolve, reject) => {
    const entry = { request, resolve };
    bridge.pending.push(entry);
    loadCardUi().then(
      () => {
        // The script ran but did not start (it reports why): do not leave the caller waiting.
        if (!bridge.cardUi && bridge.pending.includes(entry)) {
          bridge.pending.splice(bridge.pending.indexOf(entry), 1);
          resolve(false);
        }
      },
      (error: unknown) => {
        bridge.pending.splice(bridge.pending.indexOf(entry), 1);
        reject(error);
      },
    );
  });
}

/** Elements whose text reads as one unit around a mention (the nearest one is the snippet's source). */
const SNIPPET_BLOCKS = 'p, li, dd, dt, td, th, blockquote, figcaption, summary, h1, h2, h3, h4, h5, h6, pre';

/** The mention with a few words of the text around it. */
function describe(mention: RegisteredMention): PageMention {
  const { range } = mention;
  const parent = range.startContainer.parentElement;
  const block = parent?.closest(SNIPPET_BLOCKS) ?? parent;
  let before = '';
  let after = '';
  if (block) {
    const around = document.createRange();
    around.selectNodeContents(block);
    around.setEnd(range.startContainer, range.startOffset);
    before = around.toString();
    around.selectNodeContents(block);
    around.setStart(range.endContainer, range.endOffset);
    after = around.toString();
  }
  return { id: mention.id, engine: mention.engine, text: mention.text, ...snippetAround(before, after) };
}

function listPageMentions(registry: MentionRegistry): TabReplyData<'content/list-mentions'> {
  const mentions = registry.list();
  const counts: Record<string, number> = {};
  for (const m of mentions) counts[m.engine] = (counts[m.engine] ?? 0) + 1;
  return { counts, total: mentions.length, mentions: mentions.slice(0, PAGE_MENTION_LIST_LIMIT).map(describe) };
}

async function answer(registry: MentionRegistry, request: TabRequest): Promise<TabReplyData<TabRequest['type']>> {
  if (request.type === 'content/list-mentions') return listPageMentions(registry);
  const { target, focus, scroll } = request;
  return { opened: await requestCard({ target, focus, scroll }) };
}

/**
 * Starts the trigger and the message listener until `signal` aborts.
 * `requireModifier` says whether cards open only while a modifier key is held
 * (then a plain hover loads nothing).
 */
export function startCardTrigger(registry: MentionRegistry, signal: AbortSignal, requireModifier: () => boolean): void {
  const bridge = isolatedWorld();
  const trigger = (mention: RegisteredMention) => {
    if (bridge.cardUi) {
      stop(); // the card UI follows hovers itself now
      return;
    }
    if (requireModifier() && !modifierHeld()) return;
    bridge.lastEnter = { id: mention.id, at: performance.now() };
    if (failedLoads < MAX_HOVER_LOAD_ATTEMPTS) {
      loadCardUi().catch((error: unknown) => console.error('[Engine Lens] could not load the card', error));
    }
  };
  const stopHover = onMentionHover((event) => {
    if (event.type === 'enter') trigger(event.mention);
  });
  // Resting on a mention, the user presses the modifier key.
  const stopModifier = onModifierChange((held) => {
    const mention = hoveredMention();
    if (held && mention) trigger(mention);
  });
  const stop = () => {
    stopHover();
    stopModifier();
  };

  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (reply: TabReply) => void) => {
    // Only this extension's background and popup can reach a content script; check anyway.
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabRequest(raw);
    if (!request) return; // not ours to answer
    answer(registry, request).then(
      (data) => sendResponse({ ok: true, data } as TabReply),
      (error: unknown) =>
        sendResponse({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }),
    );
    return true; // the reply is sent asynchronously
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    stop();
    browser.runtime.onMessage.removeListener(onMessage);
    // Nobody will answer requests still waiting for the card UI.
    for (const { resolve } of bridge.pending.splice(0)) resolve(false);
    loading = null;
    failedLoads = 0;
  });
}
