import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CUSTOMER_ID } from '../../knowledge/schemas.ts';
import { AUDIT_CHANNELS, type AuditChannel } from '../audit/index.ts';
import { CoreError } from './core-error.ts';

/** Channels people reach the bot through: the audit log's list, so a new channel is named in one place. */
export const CHANNELS = AUDIT_CHANNELS;
/** One of CHANNELS. */
export type Channel = AuditChannel;

/** Who someone is to the bot. */
export type Role = 'customer' | 'advisor' | 'admin';

const RoleEntry = z.strictObject({
  channel: z.enum(CHANNELS),
  /** The channel's own user id: Slack user id, Teams AAD object id, CLI user name. */
  userId: z.string().min(1),
  role: z.enum(['customer', 'advisor', 'admin']),
  /** For customers: their customer id. */
  customerId: z.string().regex(CUSTOMER_ID).optional(),
  /** For advisors: the customers they may ask about; omitted = all customers. */
  book: z.array(z.string().regex(CUSTOMER_ID)).optional(),
});

/** The roles file: every known person, per channel. Web customers are named by their signed token instead. */
export const RolesConfig = z.strictObject({ users: z.array(RoleEntry) });
export type RolesConfig = z.infer<typeof RolesConfig>;

/** A person as the core sees them, after their channel identified them. */
export type Actor =
  | { channel: Channel; userId: string; role: 'customer'; customerId: string }
  | { channel: Channel; userId: string; role: 'advisor'; book: ReadonlySet<string> | null }
  | { channel: Channel; userId: string; role: 'admin' };

/** Looks people up by channel and user id; unknown people have no role. */
export class RoleDirectory {
  private readonly entries = new Map<string, Actor>();

  constructor(config: RolesConfig) {
    for (const entry of config.users) {
      const key = `${entry.channel}:${entry.userId}`;
      if (this.entries.has(key)) {
        throw new CoreError('INVALID_INPUT', `Roles: ${entry.channel} user ${entry.userId} is listed twice`);
      }
      this.entries.set(key, toActor(entry));
    }
  }

  /** Reads and validates a roles JSON file, naming the bad entry on error. */
  static async fromFile(file: string): Promise<RoleDirectory> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CoreError('INVALID_INPUT', `Cannot read roles file ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const parsed = RolesConfig.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new CoreError('INVALID_INPUT', `Invalid roles file ${file}: ${problems.join('; ')}`);
    }
    return new RoleDirectory(parsed.data);
  }

  /**
   * The customer's own advisors, on every channel: advisors whose book lists the customer (an advisor without a
   * book may ask about anyone but is nobody's own advisor).
   */
  advisorsOf(customerId: string): Extract<Actor, { role: 'advisor' }>[] {
    return [...this.entries.values()].filter(
      (actor): actor is Extract<Actor, { role: 'advisor' }> =>
        actor.role === 'advisor' && actor.book !== null && actor.book.has(customerId),
    );
  }

  /** The actor for a channel user, or undefined when they are not known. */
  find(channel: Channel, userId: string): Actor | undefined {
    return this.entries.get(`${channel}:${userId}`);
  }
}

function toActor(entry: z.infer<typeof RoleEntry>): Actor {
  const base = { channel: entry.channel, userId: entry.userId };
  if (entry.role === 'customer') {
    if (!entry.customerId) {
      throw new CoreError('INVALID_INPUT', `Roles: customer ${entry.userId} needs a customerId`);
    }
    return { ...base, role: 'customer', customerId: entry.customerId };
  }
  if (entry.role === 'advisor')
    return { ...base, role: 'advisor', book: entry.book ? new Set(entry.book) : null };
  return { ...base, role: 'admin' };
}

/** The one authorisation rule, used by every channel: may this actor see this customer? */
export function mayAccessCustomer(actor: Actor, customerId: string): boolean {
  switch (actor.role) {
    case 'customer':
      return actor.customerId === customerId;
    case 'advisor':
      return actor.book === null || actor.book.has(customerId);
    case 'admin':
      return true;
  }
}

/** May this actor run admin commands (`/bias`, `/bench`)? */
export function mayRunAdminCommands(actor: Actor): boolean {
  return actor.role === 'admin';
}
