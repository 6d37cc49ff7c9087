/**
 * The hover card's team-pick frame: an extension page shown inside the card
 * (components/card/TeamPickFrame.tsx), so the active pin's pick and note are
 * drawn in Engine Lens's own origin, where the host page's scripts cannot
 * read them. It asks the worker for them itself (`pins/team-pick`,
 * privileged: this page is one of the extension's own) and follows
 * `data/changed` like the popup.
 *
 * `?theme=light|dark` is the card's theme; nothing private is in the address.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TeamPickBanner } from '@/components/card/TeamPickBanner';
import { onDataChanged } from '@/lib/browser/data-changed';
import { send } from '@/lib/browser/send';
import type { TeamPickView } from '@/lib/card-data';
import '@/components/card/card.css';
import './style.css';

const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light';
document.documentElement.style.colorScheme = theme;

function TeamPickFramePage() {
  const [view, setView] = useState<TeamPickView | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => onDataChanged((changed) => changed.includes('pins') && setGeneration((n) => n + 1)), []);
  useEffect(() => {
    let cancelled = false;
    send({ type: 'pins/team-pick' }).then(
      (reply) => !cancelled && setView(reply),
      (error: unknown) => console.error('[Engine Lens] could not load the team pick', error),
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);
  return (
    <div className="el-card el-card-frame" data-theme={theme}>
      {view && <TeamPickBanner pick={view.pick} engines={view.engines} />}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TeamPickFramePage />
  </StrictMode>,
);
