import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { mayReconnect, problemOfCloseCode } from './closeCodes';

describe('close codes', () => {
  it('stops reconnecting only on the terminal codes', () => {
    expect(mayReconnect(CloseCode.sessionEnded)).toBe(false);
    expect(mayReconnect(CloseCode.accessRevoked)).toBe(false);
    expect(mayReconnect(CloseCode.documentUnavailable)).toBe(false);
    // y-websocket would give up on the whole 44xx range; a role change must reconnect.
    expect(mayReconnect(CloseCode.roleChanged)).toBe(true);
    expect(mayReconnect(CloseCode.documentLocked)).toBe(true);
    expect(mayReconnect(CloseCode.serverShutdown)).toBe(true);
    expect(mayReconnect(1006)).toBe(true);
  });

  it('names the problem of each werktafel code and none for ordinary closes', () => {
    expect(problemOfCloseCode(CloseCode.roleChanged)).toBe('roleChanged');
    expect(problemOfCloseCode(CloseCode.documentLocked)).toBe('documentLocked');
    expect(problemOfCloseCode(CloseCode.suggestionsOnly)).toBe('updateRejected');
    expect(problemOfCloseCode(CloseCode.suggestionForged)).toBe('updateRejected');
    expect(problemOfCloseCode(1006)).toBeNull();
    expect(problemOfCloseCode(CloseCode.serverShutdown)).toBeNull();
  });
});
