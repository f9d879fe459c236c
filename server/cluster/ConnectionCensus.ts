/**
 * Open collaboration sockets per person and per address across the cluster, for the connection
 * caps (MAX_CONNECTIONS_PER_USER, MAX_CONNECTIONS_PER_IP). Each instance counts its own exactly
 * and tells the others its count for a person or an address whenever that count changes, as an
 * absolute number with a sequence number: a message that is lost is made good by the next one,
 * and one that overtakes another (publishes share a pool of connections) does not undo it.
 *
 * Why messages and not a table: a socket opens and closes without touching the database today,
 * and a row per socket would add two writes to every reconnect of every tab. The caps guard
 * against floods, so a count that is a moment behind is enough; a count that never goes down is
 * not, so an instance that stops being heard from (killed) is forgotten after `silentAfterMs`.
 *
 * A piped socket (server/cluster/forwardSocket.ts) counts once, at the owner that holds it.
 * On SQLite there are no others: the counts are this instance's own.
 */
import type { ClusterLink } from './ClusterBus';

export interface CensusCounts {
  user: number;
  ip: number;
}

/** What the instances say to each other about their sockets. */
export type CensusMessage =
  | { kind: 'connectionCount'; instanceId: string; seq: number; userId: string; user: number; ip: string; ipCount: number }
  /** Sent every `aliveEveryMs`; its absence for `silentAfterMs` drops the instance's counts. */
  | { kind: 'instanceAlive'; instanceId: string }
  /** A stopping instance's sockets are gone. */
  | { kind: 'instanceGone'; instanceId: string }
  /** A starting instance asks the others for every count they hold. */
  | { kind: 'countsWanted'; instanceId: string };

/** A count as last told, with the sequence number of the message that told it. */
interface Told {
  count: number;
  seq: number;
  at: number;
}

interface RemoteInstance {
  users: Map<string, Told>;
  ips: Map<string, Told>;
  heardAt: number;
}

export interface CensusOptions {
  instanceId: string;
  link: ClusterLink;
  /** This instance's own sockets, counted by the registry. */
  localCounts(userId: string, ip: string): CensusCounts;
  /** Every (person, address) pair with an open socket here: what a starting instance is told. */
  localPairs(): Iterable<{ userId: string; ip: string }>;
  aliveEveryMs?: number;
  silentAfterMs?: number;
  now?: () => number;
}

export class ConnectionCensus {
  private readonly remote = new Map<string, RemoteInstance>();
  private readonly timer: NodeJS.Timeout;
  private readonly silentAfterMs: number;
  private readonly now: () => number;
  private seq = 0;

  constructor(private readonly options: CensusOptions) {
    this.silentAfterMs = options.silentAfterMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => this.beat(), options.aliveEveryMs ?? 5_000);
    this.timer.unref();
  }

  /** Asks the instances that are already running for their counts. */
  start(): void {
    this.options.link.forward({ kind: 'countsWanted', instanceId: this.options.instanceId });
  }

  /** Open sockets of this person and from this address on every instance. */
  counts(userId: string, ip: string): CensusCounts {
    const counts = { ...this.options.localCounts(userId, ip) };
    for (const instance of this.remote.values()) {
      counts.user += instance.users.get(userId)?.count ?? 0;
      counts.ip += instance.ips.get(ip)?.count ?? 0;
    }
    return counts;
  }

  /** A socket of this person from this address opened or closed here. */
  changed(userId: string, ip: string): void {
    const { user, ip: ipCount } = this.options.localCounts(userId, ip);
    this.options.link.forward({ kind: 'connectionCount', instanceId: this.options.instanceId, seq: ++this.seq, userId, user, ip, ipCount });
  }

  receive(message: CensusMessage): void {
    switch (message.kind) {
      case 'connectionCount': {
        const instance = this.heard(message.instanceId);
        const told = { seq: message.seq, at: this.now() };
        tell(instance.users, message.userId, { ...told, count: message.user });
        tell(instance.ips, message.ip, { ...told, count: message.ipCount });
        return;
      }
      case 'instanceAlive':
        this.heard(message.instanceId);
        return;
      case 'instanceGone':
        this.remote.delete(message.instanceId);
        return;
      case 'countsWanted': {
        // A (re)started instance numbers its messages from 1 again: what it said before is void.
        this.remote.delete(message.instanceId);
        const told = new Set<string>();
        for (const { userId, ip } of this.options.localPairs()) {
          const key = `${userId}\u0000${ip}`;
          if (told.has(key)) continue;
          told.add(key);
          this.changed(userId, ip);
        }
        return;
      }
    }
  }

  /** This instance stops: the others forget its sockets at once. */
  stop(): void {
    clearInterval(this.timer);
    this.options.link.forward({ kind: 'instanceGone', instanceId: this.options.instanceId });
  }

  private heard(instanceId: string): RemoteInstance {
    let instance = this.remote.get(instanceId);
    if (!instance) {
      instance = { users: new Map(), ips: new Map(), heardAt: 0 };
      this.remote.set(instanceId, instance);
    }
    instance.heardAt = this.now();
    return instance;
  }

  private beat(): void {
    this.options.link.forward({ kind: 'instanceAlive', instanceId: this.options.instanceId });
    const silentSince = this.now() - this.silentAfterMs;
    for (const [id, instance] of this.remote) {
      if (instance.heardAt < silentSince) {
        this.remote.delete(id);
        continue;
      }
      // A zero outlives the messages it could have overtaken by far; then it is let go.
      for (const counts of [instance.users, instance.ips]) for (const [key, told] of counts) if (told.count === 0 && told.at < silentSince) counts.delete(key);
    }
  }
}

/** Keeps the newer of two counts; a zero is kept too (with its seq), so an older one cannot revive it. */
function tell(counts: Map<string, Told>, key: string, told: Told): void {
  const known = counts.get(key);
  if (known && known.seq > told.seq) return;
  counts.set(key, told);
}
