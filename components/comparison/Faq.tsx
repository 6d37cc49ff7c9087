import type { Comparison, Engine } from '@/lib/schema';
import { textGroupsQuoting } from '@/lib/comparison-view';
import { TextDisagreeFlag } from './TextClaims';

export function Faq({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  if (comparison.faq.length === 0) return null;
  return (
    <section className="card" aria-labelledby="faq-heading">
      <h2 id="faq-heading">Frequently asked questions</h2>
      {comparison.faq.map((entry, index) => (
        <div key={index} className="faq">
          {/* The source prints some answers without their question; never invent one. */}
          <h3 className={entry.question ? undefined : 'faq-missing'}>
            {entry.question ?? 'Question not shown in the source'}
          </h3>
          <p>{entry.answer}</p>
        </div>
      ))}
      <TextDisagreeFlag
        groups={textGroupsQuoting(comparison, ['faq'])}
        comparison={comparison}
        engines={engines}
        subject="the FAQ"
      />
    </section>
  );
}
