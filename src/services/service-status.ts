export interface ServiceStatus {
  name: 'redis' | 'neo4j';
  healthy: boolean;
  /** Where clients connect. */
  url: string;
  /** True when finkg started this server and `services down` will stop it. */
  managed: boolean;
  pid?: number;
  /** finkg started this server (its pid file is there) but that process has gone without `services down`. */
  lostPid?: number;
  version?: string;
  /** One line for people: data location, or why it is not healthy. */
  detail: string;
}

export class ServiceStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

/** What a caller of ensureRedis/ensureNeo4j may learn of a start. */
export interface ServiceStartHooks {
  /** Called, holding the server's start lock, just before this call starts the server (not when it reuses one). */
  beforeStart?: (status: ServiceStatus) => void;
}
