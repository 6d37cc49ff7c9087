import type { Comparison, Engine } from '@/lib/schema';

export function ProsCons({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  return (
    <section className="card" aria-labelledby="proscons-heading">
      <h2 id="proscons-heading">Pros &amp; cons</h2>
      <div className="columns">
        {engines.map((engine) => {
          const pros = comparison.pros[engine.id] ?? [];
          const cons = comparison.cons[engine.id] ?? [];
          return (
            <div key={engine.id} className={`pros-cons engine-${engine.id}`}>
              <h3>{engine.name}</h3>
              <h4>
                Pros <span className="count">({pros.length})</span>
              </h4>
              <ul className="pros">
                {pros.map((pro) => (
                  <li key={pro}>{pro}</li>
                ))}
              </ul>
              <h4>
                Cons <span className="count">({cons.length})</span>
              </h4>
              <ul className="cons">
                {cons.map((con) => (
                  <li key={con}>{con}</li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
