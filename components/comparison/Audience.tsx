import type { Engine } from '@/lib/schema';

/** Each engine's own description and "best for" line from the source. */
export function Audience({ engines }: { engines: Engine[] }) {
  return (
    <section className="card" aria-labelledby="audience-heading">
      <h2 id="audience-heading">The engines</h2>
      <div className="columns">
        {engines.map((engine) => (
          <div key={engine.id} className={`engine-about engine-${engine.id}`}>
            <h3>{engine.name}</h3>
            <p>{engine.tagline}</p>
            <p className="audience">
              <strong>Best for: </strong>
              {engine.audience}
            </p>
          </div>
        ))}
      </div>
    </section>
  );
}
