/**
 * What the signed-in user may do in one workspace. Computed by server/policies and sent to
 * the client, so the interface never repeats the rules.
 */
export interface Abilities {
  readWorkspace: boolean;
  manageWorkspace: boolean;
  manageParties: boolean;
  manageMembers: boolean;
  manageInvites: boolean;
  createDocument: boolean;
  updateDocument: boolean;
  readDocument: boolean;
  writeDocument: boolean;
  comment: boolean;
  createVersion: boolean;
  restoreVersion: boolean;
  /** Delete a version no adoption uses (owners); also sees the workspace's storage figure. */
  deleteVersion: boolean;
  requestAdoption: boolean;
  /** May sign or decline adoptions on behalf of their own party (when it is asked to). */
  signAdoption: boolean;
  /** May read the workspace's audit log. */
  readAudit: boolean;
  /** May plan, start and change werksessies (owners and editors). */
  manageSessions: boolean;
  /** May take part in a running werksessie: write cards in a private step, cast ballots. */
  contributeToSessions: boolean;
}
