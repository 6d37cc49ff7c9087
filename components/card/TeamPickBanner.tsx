import type { CardEngine, TeamPick } from '@/lib/card-data';

/** A team's own pick and note; leads the card when present (filled by team pins, a later issue). */
export function TeamPickBanner({ pick, engines }: { pick: TeamPick; engines: readonly CardEngine[] }) {
  const engineName = engines.find((e) => e.id === pick.engineId)?.name ?? pick.engineId;
  return (
    <div className="el-team-pick" data-team-pick="">
      <p className="el-team-pick-head">
        {pick.teamName} picks {engineName}
      </p>
      {pick.note && <p className="el-team-pick-note">{pick.note}</p>}
    </div>
  );
}
