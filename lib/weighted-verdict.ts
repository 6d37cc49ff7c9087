/**
 * The verdict weighted by a team's priorities. Pure.
 *
 * The source names a winner for each key difference ("vLLM wins" on hardware
 * compatibility). A team says how much each topic matters to it, 0 to 3
 * (lib/pins.ts `PRIORITY_KEYS`). Each key difference is about one topic
 * ({@link topicOf}); it is worth its topic's weight to the engine the source
 * names as its winner. The engine with more points is the one the team's
 * priorities favour; the differences it won carry the decision.
 *
 * Nothing here invents a number. The points are the team's own weights summed
 * over the source's own winners; no score out of 10, no percentage of
 * "better". A difference without a winner, or about no topic the team weighs,
 * counts for nobody. When the priorities that are not 0 touch no difference
 * that has a winner, the answer is "not enough data", never a guess.
 *
 * Every key difference of the comparison is weighed (not only the rows a pin
 * chose to show): the priorities are the team's one way of saying what
 * matters, the chosen rows are what it wants to see.
 */
import { PRIORITY_KEYS, PRIORITY_LABELS, type Priorities, type PriorityKey } from './pins';

/** The part of a key difference the weighing reads (lib/schema.ts `KeyDifference` fits). */
export interface WeighableDifference {
  id: string;
  title: string;
  /** The engine the source names as the winner; null when it names none. */
  winner: string | null;
  measure?: string;
}

/**
 * The topic of each key difference of the bundled comparison, by id. A
 * difference a later dataset adds is classified by {@link TOPIC_WORDS}.
 */
export const DIFFERENCE_TOPICS: Readonly<Record<string, PriorityKey>> = {
  'hardware-compatibility': 'hardwareFlexibility',
  'throughput-vs-pytorch': 'throughput',
  'model-support-range': 'modelCoverage',
  'deployment-complexity': 'easeOfSetup',
  'latency-on-a100': 'latency',
  'community-adoption-2025': 'community',
  'cost-of-ownership': 'cost',
};

/**
 * Words that put a difference's title or measure in a topic, tried in this
 * order (so "cost of hardware" is about cost, "GPU latency" about latency).
 */
export const TOPIC_WORDS: ReadonlyArray<readonly [PriorityKey, RegExp]> = [
  ['latency', /\blatenc|\btime to first token|\bttft\b/i],
  ['throughput', /\bthroughput|tokens?\s*(?:\/|per)\s*s/i],
  ['cost', /\bcost|\bprice|\bpricing|\blicen[cs]/i],
  ['easeOfSetup', /\bsetup|\bset-up|\binstall|\bdeploy|\bcomplexity|\bconfigur/i],
  ['modelCoverage', /\bmodels?\b|\bmodel[- ]support|\barchitectures?\b/i],
  ['community', /\bcommunity|\badoption|\bstars?\b|\bcontributors?\b/i],
  ['hardwareFlexibility', /\bhardware|\bgpus?\b|\bplatforms?\b|\bvendor|\bportab/i],
];

/** The topic a key difference is about, or null when none fits. */
export function topicOf(difference: Pick<WeighableDifference, 'id' | 'title' | 'measure'>): PriorityKey | null {
  if (Object.hasOwn(DIFFERENCE_TOPICS, difference.id)) return DIFFERENCE_TOPICS[difference.id] ?? null;
  const text = `${difference.title} ${difference.measure ?? ''}`;
  for (const [topic, words] of TOPIC_WORDS) if (words.test(text)) return topic;
  return null;
}

/** One key difference as weighed. */
export interface WeighedDifference {
  id: string;
  title: string;
  topic: PriorityKey;
  /** The team's weight for the topic (1-3). */
  weight: number;
  /** The source's winner (one of the two engines). */
  winner: string;
}

export type WeightedVerdict =
  | {
      kind: 'not-enough-data';
      /** Why, in a sentence. */
      reason: string;
    }
  | {
      /** `favours`: one engine has more points; `tie`: both have the same. */
      kind: 'favours' | 'tie';
      /** The engine favoured; null on a tie. */
      leader: string | null;
      /** Points per engine id (the two compared engines), each the sum of the weights of the differences it won. */
      points: Record<string, number>;
      /** Sum of both engines' points. */
      total: number;
      /** Leader's points minus the other's (0 on a tie). */
      margin: number;
      /** The differences the leader won, heaviest first (empty on a tie). */
      decidedBy: WeighedDifference[];
      /** Every difference that counted, in source order. */
      weighed: WeighedDifference[];
    };

/**
 * Weighs `differences` (a comparison's key differences, in source order) for
 * the two `engines` by `priorities`.
 */
export function weighVerdict(
  differences: readonly WeighableDifference[],
  engines: readonly [string, string],
  priorities: Priorities,
): WeightedVerdict {
  const weighted = PRIORITY_KEYS.filter((key) => priorities[key] > 0);
  if (weighted.length === 0) {
    return { kind: 'not-enough-data', reason: 'Every priority is 0: say what matters to the team first.' };
  }
  const weighed: WeighedDifference[] = [];
  let touched = 0;
  for (const difference of differences) {
    const topic = topicOf(difference);
    if (topic === null || priorities[topic] === 0) continue;
    touched += 1;
    if (difference.winner === null || !engines.includes(difference.winner)) continue;
    weighed.push({ id: difference.id, title: difference.title, topic, weight: priorities[topic], winner: difference.winner });
  }
  if (weighed.length === 0) {
    const names = weighted.map((key) => PRIORITY_LABELS[key].toLowerCase()).join(', ');
    return {
      kind: 'not-enough-data',
      reason:
        touched === 0
          ? `No key difference is about ${names}.`
          : `The key differences about ${names} name no winner.`,
    };
  }
  const [a, b] = engines;
  const points: Record<string, number> = { [a]: 0, [b]: 0 };
  for (const d of weighed) points[d.winner] = (points[d.winner] ?? 0) + d.weight;
  const pa = points[a] ?? 0;
  const pb = points[b] ?? 0;
  const total = pa + pb;
  if (pa === pb) return { kind: 'tie', leader: null, points, total, margin: 0, decidedBy: [], weighed };
  const leader = pa > pb ? a : b;
  const decidedBy = weighed
    .map((d, order) => ({ d, order }))
    .filter(({ d }) => d.winner === leader)
    .sort((x, y) => y.d.weight - x.d.weight || x.order - y.order)
    .map(({ d }) => d);
  return { kind: 'favours', leader, points, total, margin: Math.abs(pa - pb), decidedBy, weighed };
}
