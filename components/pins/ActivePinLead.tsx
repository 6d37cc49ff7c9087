import { PinChanges, pickLine } from './PinDetails';
import { usePins } from './pins-context';
import type { ComparisonContext } from './PinsSection';
import { WeightedVerdictView } from './WeightedVerdictView';

/**
 * The active pin leads the popup and the full page: the team's pick and
 * note, its weighted verdict next to the published one, and what changed in
 * its rows since it was pinned. Nothing when no pin of this comparison is
 * active.
 */
export function ActivePinLead({ dataset, comparison, engines }: ComparisonContext) {
  const { state } = usePins();
  if (state.phase !== 'ready') return null;
  const pin = state.pins.find((p) => p.id === state.activeId && p.comparisonId === comparison.id);
  if (!pin) return null;
  return (
    <section className="card team-pick" aria-labelledby="team-pick-heading" data-team-pick-lead="">
      <h2 id="team-pick-heading">
        Team pick <span className="tag">{pin.title}</span>
      </h2>
      <p className="team-pick-line">{pickLine(pin, engines)}</p>
      {pin.note && <p className="pin-note">{pin.note}</p>}
      <WeightedVerdictView priorities={pin.priorities} comparison={comparison} engines={engines} />
      <PinChanges pin={pin} comparison={comparison} datasetVersion={dataset.version} engines={engines} />
    </section>
  );
}
