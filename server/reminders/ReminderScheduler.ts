/**
 * Reminders of reflection moments and due actions, mailed the day before (issue 17, e-mail).
 * Every `REMINDER_INTERVAL_MS` a pass looks for blocks dated tomorrow, in the configured time
 * zone, once the day has reached `REMINDER_HOUR` there (no mail at midnight). Each reminder is
 * claimed in the database before it is sent, so restarts, later passes and other instances
 * send none twice; a date moved to another day is reminded of again.
 */
import type { Services } from '../context';
import { appLink, deliverLater } from '../mail/deliver';
import { formatMailDate, mails, workspaceMail } from '../mail/messages';
import { acceptsWorkspaceMail } from '../mail/recipients';
import { parseBlockRow } from '../registers/blockRow';
import type { MemberWithUserRow } from '../storage/rows';
import { describeError } from '../support/log';
import { calendarDay, hourOfDay, nextDay } from './calendarDay';
import { reminderDate, reminderRecipients } from './recipients';

export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly services: Services) {}

  start(): void {
    const { reminderIntervalMs } = this.services.config;
    if (reminderIntervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runPass(), reminderIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; resolves with the number of reminders sent. Passes never overlap. */
  runPass(now = Date.now()): Promise<number> {
    this.running ??= this.pass(now)
      .catch((error: unknown) => {
        this.services.logger.error('reminder pass failed', { component: 'reminders', ...describeError(error) });
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async pass(now: number): Promise<number> {
    const { config, repos } = this.services;
    if (hourOfDay(now, config.timeZone) < config.reminderHour) return 0;
    const tomorrow = nextDay(calendarDay(now, config.timeZone));
    const membersOf = new Map<string, Promise<MemberWithUserRow[]>>();
    let sent = 0;
    for (const row of await repos.reminders.datedBlocks(tomorrow)) {
      const block = parseBlockRow(row);
      if (reminderDate(block) !== tomorrow) continue;
      if (!membersOf.has(row.workspace_id)) membersOf.set(row.workspace_id, repos.members.listForWorkspace(row.workspace_id));
      // Whom the block concerns is decided among all members; only then are those who cannot or
      // will not get mail left out (an owner without a verified address does not hand their
      // reminder to the whole party).
      for (const member of reminderRecipients(block, await membersOf.get(row.workspace_id)!).filter(acceptsWorkspaceMail)) {
        const claimed = await repos.reminders.claim({ document_id: row.document_id, block_id: row.block_id, due_date: tomorrow, user_id: member.user_id, sent_at: now });
        if (!claimed) continue;
        const what = row.text.split('\n')[0]?.trim() || (member.language === 'en' ? '(no text)' : '(zonder tekst)');
        // A calendar date: written as the same day in every zone.
        const date = formatMailDate(new Date(`${tomorrow}T00:00:00Z`), member.language, 'UTC');
        const link = appLink(this.services, `/d/${row.document_id}#block-${row.block_id}`);
        const texts = block.kind === 'reflection' ? mails.reflectionReminder : mails.actionDueReminder;
        const mail = texts[member.language](member.name, row.workspace_name, row.document_title, what, date, link);
        deliverLater(this.services, { to: member.email, ...workspaceMail(member.language, mail, appLink(this.services, '/account')) }, 'reminder');
        sent += 1;
      }
    }
    if (sent > 0) this.services.logger.info('reminders sent', { component: 'reminders', count: sent, date: tomorrow });
    return sent;
  }
}
