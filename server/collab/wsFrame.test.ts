import { expect, test } from 'vitest';
import * as ws from 'ws';
import { frameBinaryMessage } from './wsFrame';

interface FrameReceiver {
  on(event: string, listener: (...args: never[]) => void): void;
  write(chunk: Buffer): void;
}
// The parser a \`ws\` client uses, exported by \`ws\` but absent from its type definitions.
const Receiver = (ws as unknown as { Receiver: new (options: object) => FrameReceiver }).Receiver;

/** Parses bytes the way a client's `ws` does; returns the binary messages it read. */
function receive(bytes: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    messages.push(data);
  });
  receiver.on('error', (error: Error) => {
    throw error;
  });
  receiver.write(bytes);
  return messages;
}

test.each([0, 1, 125, 126, 127, 65_535, 65_536, 300_000])('a %i-byte message is one frame a client reads back whole', (length) => {
  const payload = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
  const messages = receive(frameBinaryMessage(payload));
  expect(messages).toHaveLength(1);
  expect(Buffer.compare(messages[0]!, Buffer.from(payload))).toBe(0);
});

test('frames joined into one buffer are read as separate messages, in order', () => {
  const payloads = [new Uint8Array([0, 2, 1, 9]), new Uint8Array(200).fill(5), new Uint8Array([1, 0])];
  const messages = receive(Buffer.concat(payloads.map(frameBinaryMessage)));
  expect(messages.map((m) => [...m])).toEqual(payloads.map((p) => [...p]));
});
