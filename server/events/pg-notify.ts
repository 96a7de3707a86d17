import "server-only";
/**
 * Postgres LISTEN/NOTIFY channel for scene events across web servers sharing one DATABASE_URL (used when REDIS_URL
 * is not set). One async `pg` client per process LISTENs on the channel and also sends the NOTIFYs; it reconnects
 * with a growing delay (0.5 s .. 10 s) when the connection drops. Payloads above Postgres's 8000-byte NOTIFY limit
 * carry only the scene id and seq, and the receiver reads that event from the events table.
 */
import pg from "pg";

/** Postgres NOTIFY channel of scene events. */
export const PG_EVENTS_CHANNEL = "roomcode_events";

/** Largest payload (bytes) sent whole; Postgres refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_NOTIFY_BYTES = 7900;

/** A LISTEN/NOTIFY connection: `publish` sends a text payload, `onMessage` receives every payload on the channel (own ones too). */
export class PgNotifyChannel {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private closed = false;
  private retryMs = 500;
  private sending: Promise<void> = Promise.resolve();
  private readyPromise: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(
    private readonly url: string,
    private readonly onMessage: (payload: string) => void,
    private readonly channel = PG_EVENTS_CHANNEL,
  ) {
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
    void this.connect().catch(() => undefined);
  }

  /** Resolves once the first LISTEN is in place (never rejects; a failed connection keeps retrying). */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, application_name: "roomcode-events", keepAlive: true });
      const lost = () => {
        if (this.client === c) this.client = null;
        if (!this.closed) setTimeout(() => void this.connect().catch(() => undefined), this.retryMs).unref();
        this.retryMs = Math.min(this.retryMs * 2, 10_000);
      };
      c.on("error", () => undefined);
      try {
        await c.connect();
        c.on("notification", (n) => {
          if (n.channel !== this.channel || n.payload === undefined) return;
          try {
            this.onMessage(n.payload);
          } catch {
            // A receiver that failed (e.g. the store is unreachable) gets the gap filled from the log with the next event.
          }
        });
        await c.query(`LISTEN ${this.channel}`);
      } catch (e) {
        void c.end().catch(() => undefined);
        lost();
        throw e;
      }
      c.on("end", lost);
      // The connection closes with the process; it must not keep a finished script alive.
      (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      this.client = c;
      this.retryMs = 500;
      this.markReady();
      return c;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Send `payload` to every listener (fire and forget: a lost connection drops it, and receivers fill gaps from the log). */
  publish(payload: string): void {
    if (this.closed) return;
    // One NOTIFY at a time on the connection, in publish order (a pg client runs one query at a time).
    this.sending = this.sending
      .then(() => this.connect())
      .then((c) => c.query("SELECT pg_notify($1, $2)", [this.channel, payload]))
      .then(
        () => undefined,
        () => undefined,
      );
  }

  /** Stop listening and close the connection. */
  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
