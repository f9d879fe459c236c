/**
 * WebSocket framing (RFC 6455, section 5.2) of a binary message sent by the server. Frames from
 * a server are never masked, so one framed message is byte-identical for every recipient and
 * can be built once per broadcast instead of once per connection.
 */

const FIN_BINARY = 0x82;

export function frameBinaryMessage(payload: Uint8Array): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_BINARY;
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
