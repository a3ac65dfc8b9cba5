import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { SearchHit } from '../api/types';
import { EntityLink } from './EntityLink';

/** Companies, people and organisations by name, short name, code or part of a name. */
export function SearchBox() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const text = q.trim();
    setError(undefined);
    if (!text) {
      setHits([]);
      return;
    }
    let current = true;
    // A short pause so typing 贵州茅台 does not send four requests.
    const timer = setTimeout(() => {
      api.search(text).then(
        (r) => current && setHits(r.items),
        (e: unknown) => {
          if (!current) return;
          setHits([]);
          setError(e instanceof Error ? e.message : String(e));
        },
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <div className="search">
      <input
        type="search"
        placeholder="Search 公司 / 代码 / 人名"
        aria-label="search entities"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {/* Placed as the hits are, so the top bar keeps its height. */}
      {error && <p className="search-hits error">{error}</p>}
      {hits.length > 0 && (
        <ul className="search-hits">
          {hits.map((hit) => (
            <li key={`${hit.label}:${hit.key}`}>
              <EntityLink label={hit.label} entityKey={hit.key} onClick={() => setQ('')}>
                {hit.name}{' '}
                <span className="muted">
                  {/* A person is told from namesakes by the company they are known at. */}
                  {hit.company
                    ? `${hit.company.name}${hit.positions.length > 0 ? ` · ${hit.positions.join('、')}` : ''}`
                    : (hit.code ?? hit.label)}
                </span>
              </EntityLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
