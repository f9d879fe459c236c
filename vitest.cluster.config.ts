/**
 * `npm run test:cluster`: the integration suite once more, against a server on PostgreSQL (a
 * throw-away one, started by the global setup), plus the tests of the PostgreSQL engine itself.
 * `npm test` stays on SQLite and needs no service.
 */
import { defineConfig } from 'vitest/config';
import base from './vite.config';

/** Integration tests that do not run on PostgreSQL, each with the reason. */
const sqliteOnly: Record<string, string> = {
  // What SQLite itself does: one file, one server, its backup.
  'oneServerPerDataDir.test.ts': 'the data-directory lock guards the SQLite file; PostgreSQL has no data directory',
  'autoVersionAfterUnload.test.ts': 'reads the SQLite file after the server has stopped (its storage closed); on PostgreSQL the same wait is in server.close',
  'backupRestore.test.ts': 'npm run backup/restore copy the SQLite file; PostgreSQL is backed up with pg_dump',
  'compiledServer.test.ts': 'runs the built server (npm run build first) on a data directory; the build is engine-blind',
  // Timing and fuzz tests: npm run test:timing, SQLite only for now.
  'protocolFuzz.test.ts': 'fuzz timing test (test:timing); reads the SQLite file for its oracle',
  'crashSafety.test.ts': 'crash timing test (test:timing); the cluster crash test is a later step of issue 13',
  'connectionResets.test.ts': 'timing test (test:timing)',
  'heavyReadsKeepEditsFlowing.test.ts': 'timing test (test:timing)',
  // These check or arrange stored rows with SQL on the SQLite file (server.storage.sqlite, the
  // file opened read-only, or the file of a killed process); to run here they move to
  // tests/helpers/testSql.ts, as httpApi and mailFlows did.
  'authorizationMatrix.test.ts': 'compares snapshots of every SQLite table before and after each request',
  'calendarFeedEndsOnLeave.test.ts': 'reads and restores rows with SQL on the SQLite file',
  'loadFailureRefused.test.ts': 'corrupts stored rows with SQL on the SQLite file',
  'versionBudgets.test.ts': 'reads and sums rows (length of BLOBs) with SQL on the SQLite file',
  'operationsLogAndReady.test.ts': 'rolls back SQLite\'s user_version to fake a missing migration',
  'rejectedNeverKept.test.ts': 'reads versions, snapshots and blocks with SQL on the SQLite file',
  'recordsCoverContent.test.ts': 'reads history rows with SQL on the SQLite file',
  'singleSignOn.test.ts': 'reads accounts from the SQLite file opened read-only and ages sessions with SQL on it',
  'signupModes.test.ts': 'counts accounts by opening the SQLite file read-only',
  'attributionSurvivesCompaction.test.ts': 'reads the log rows of a killed process from its SQLite file',
};

// Not mergeConfig: it would append to the base lists, and the base excludes tests/cluster.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/integration/**/*.test.ts', 'tests/cluster/**/*.test.ts'],
    exclude: ['node_modules/**', ...Object.keys(sqliteOnly).map((file) => `tests/integration/${file}`)],
    globalSetup: ['tests/cluster/globalSetup.ts'],
  },
});
