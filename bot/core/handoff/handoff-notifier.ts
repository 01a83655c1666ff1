import type { Actor, Channel } from '../roles.ts';
import type { Handoff } from './handoff.ts';

/** An advisor as the roles file lists them. */
export type AdvisorActor = Extract<Actor, { role: 'advisor' }>;

/**
 * How a channel puts a handoff in front of the customer's advisor (Slack: a DM with Approve / Edit / Take over;
 * Teams: a proactive card). Implemented by each channel; the desk only calls it.
 */
export interface HandoffNotifier {
  readonly channel: Channel;
  /** Sends one handoff to one advisor; a failure is reported and the handoff stays pending (and expires). */
  notify(handoff: Handoff, advisor: AdvisorActor): Promise<void>;
}
