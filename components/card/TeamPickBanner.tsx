import type { CardEngine, TeamPick } from '@/lib/card-data';

/** "Platform team picks vLLM", "Team pick: undecided". */
export function teamPickHeadline(pick: TeamPick, engines: ReadonlyArray<Pick<CardEngine, 'id' | 'name'>>): string {
  const engineName = pick.engineId === null ? null : (engines.find((e) => e.id === pick.engineId)?.name ?? pick.engineId);
  if (pick.teamName) return engineName ? `${pick.teamName} picks ${engineName}` : `${pick.teamName} is undecided`;
  return `Team pick: ${engineName ?? 'undecided'}`;
}

/**
 * A team's own pick and note (the active pin). Rendered only inside the
 * card's extension-origin frame (entrypoints/team-pick), never in the page's
 * document: see TeamPickFrame.tsx.
 */
export function TeamPickBanner({ pick, engines }: { pick: TeamPick; engines: ReadonlyArray<Pick<CardEngine, 'id' | 'name'>> }) {
  return (
    <div className="el-team-pick" data-team-pick="">
      <p className="el-team-pick-head">{teamPickHeadline(pick, engines)}</p>
      {pick.note && <p className="el-team-pick-note">{pick.note}</p>}
    </div>
  );
}
