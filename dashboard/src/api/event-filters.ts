// The values the event filters accept, read from the server's OpenAPI spec (which takes them from
// schemas/events.json), so the dashboard never keeps a list of its own that could fall behind.

export interface EventFilterValues {
  types: string[];
  roles: string[];
  documentKinds: string[];
}

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}

export async function loadEventFilterValues(): Promise<EventFilterValues> {
  const response = await fetch('/docs/json');
  if (!response.ok) return { types: [], roles: [], documentKinds: [] };
  const spec = (await response.json()) as {
    paths?: Record<string, { get?: { parameters?: Parameter[] } }>;
  };
  const parameters = spec.paths?.['/v1/events']?.get?.parameters ?? [];
  const values = (name: string) => parameters.find((p) => p.name === name)?.schema?.enum ?? [];
  return { types: values('type'), roles: values('role'), documentKinds: values('documentKind') };
}
