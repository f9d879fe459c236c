/**
 * A server-sent events reader for tests: collects what arrives and notices when the server
 * ends the stream.
 */
export interface EventStream {
  status: number;
  /** Every `event:` name received so far, in order. */
  events: string[];
  /** Everything the stream carried so far, as text (names and data): for "never sent" assertions. */
  text(): string;
  /** True once the server ended the response (or the connection broke). */
  ended(): boolean;
  /** performance.now() when the stream ended, or null. */
  endedAt(): number | null;
  close(): void;
}

export async function openEventStream(origin: string, path: string, cookie: string | null): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(origin + path, { headers: { origin, ...(cookie ? { cookie } : {}) }, signal: controller.signal });
  const events: string[] = [];
  let received = '';
  let endedAt: number | null = null;
  if (res.status === 200 && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const chunk = decoder.decode(value, { stream: true });
          received += chunk;
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) if (line.startsWith('event: ')) events.push(line.slice('event: '.length));
        }
      } catch {
        // aborted or reset: ended either way
      }
      endedAt = performance.now();
    })();
  } else {
    await res.text();
    endedAt = performance.now();
  }
  return {
    status: res.status,
    events,
    text: () => received,
    ended: () => endedAt !== null,
    endedAt: () => endedAt,
    close: () => controller.abort(),
  };
}
